package dev.roster.support;

import io.smallrye.jwt.util.KeyUtils;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A stand-in for Entra ID's published signing keys ({@code <authority>/<tenant>/discovery/v2.0/keys}), served by the
 * application under test so that workload identity federation is verified end to end without leaving the machine.
 */
@jakarta.ws.rs.Path("/test-entra/{entraTenant}/discovery/v2.0/keys")
public class TestEntraKeys {

    public static final String KID = "test-entra-key";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String keys() throws Exception {
        RSAPublicKey key = (RSAPublicKey) KeyUtils.decodePublicKey(
                Files.readString(Path.of("src/test/resources/keys/entra-public.pem")));
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}]}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
