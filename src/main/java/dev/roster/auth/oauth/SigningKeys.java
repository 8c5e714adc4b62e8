package dev.roster.auth.oauth;

import dev.roster.auth.credential.KeyFiles;
import dev.roster.config.RosterConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The RSA keys behind Roster's OAuth access tokens. The signing key comes from {@code roster.oauth.signing-key-location};
 * retired public keys stay valid for verification during a rotation (README, "Rotating the signing key"). Every key's
 * {@code kid} is its RFC 7638 thumbprint, so old tokens find their key without any naming convention. Without a configured
 * key each process makes an ephemeral one (fine for a single local process, wrong for a fleet: a warning says so).
 * Loaded at startup so that a misconfigured key fails the boot, not the first token request.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final String verificationJwks;

    @Inject
    public SigningKeys(RosterConfig config) {
        try {
            RSAPublicKey signingPublic;
            if (config.oauth().signingKeyLocation().isPresent()) {
                String location = config.oauth().signingKeyLocation().get();
                String pem = KeyFiles.read(location);
                requirePkcs8(pem, location);
                signingKey = KeyUtils.decodePrivateKey(pem);
                signingPublic = publicOf(signingKey);
            } else {
                LOG.warn("roster.oauth.signing-key-location is not set: OAuth access tokens are signed with an ephemeral key"
                        + " and stop working when this process restarts. Configure a key for any shared deployment.");
                KeyPair pair = KeyUtils.generateKeyPair(2048);
                signingKey = pair.getPrivate();
                signingPublic = (RSAPublicKey) pair.getPublic();
            }
            signingKeyId = thumbprint(signingPublic);
            List<RSAPublicKey> verification = new ArrayList<>();
            verification.add(signingPublic);
            for (String location : config.oauth().retiredPublicKeyLocations().orElse(List.of())) {
                verification.add((RSAPublicKey) KeyUtils.decodePublicKey(KeyFiles.read(location.trim())));
            }
            verificationJwks = jwks(verification);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the OAuth signing keys: " + e.getMessage(), e);
        }
    }

    /**
     * A PKCS#1 key ("BEGIN RSA PRIVATE KEY", what older openssl genrsa writes) fails with a message saying what is
     * expected and how to convert it, instead of a parser's error (issue 14, item 11).
     */
    static void requirePkcs8(String pem, String location) {
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalArgumentException("the signing key at " + location + " is a PKCS#1 key (BEGIN RSA PRIVATE"
                    + " KEY); Roster expects PKCS#8 (BEGIN PRIVATE KEY). Convert it with: openssl pkcs8 -topk8 -nocrypt"
                    + " -in " + location + " -out signing-key.pem");
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** The JWK Set of every key whose tokens are still accepted. */
    public String verificationJwks() {
        return verificationJwks;
    }

    private static RSAPublicKey publicOf(PrivateKey key) throws Exception {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the signing key must be an RSA private key in PKCS#8 PEM");
        }
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private static String jwks(List<RSAPublicKey> keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.size(); i++) {
            RSAPublicKey key = keys.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"").append(thumbprint(key))
                    .append("\",\"n\":\"").append(b64(key.getModulus())).append("\",\"e\":\"")
                    .append(b64(key.getPublicExponent())).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** RFC 7638 JWK thumbprint (SHA-256 over the canonical required members). */
    static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + b64(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\"" + b64(key.getModulus())
                + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
