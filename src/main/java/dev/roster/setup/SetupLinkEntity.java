package dev.roster.setup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A setup link (V15): its secret is stored as a SHA-256 only; it expires, and opens once. */
@Entity
@Table(name = "setup_link")
public class SetupLinkEntity {

    public static final String TOKEN = "token";
    public static final String OAUTH = "oauth";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    /** What opening the link issues: a Secret Token ({@link #TOKEN}) or OAuth client credentials ({@link #OAUTH}). */
    @Column(nullable = false, columnDefinition = "text")
    public String credential;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** The token or OAuth client issued when the link was opened. */
    @Column(name = "credential_id")
    public UUID credentialId;

    /** Where a link stands: it can be opened, it was (once is all), or its time ran out first. */
    public enum State { OPEN, OPENED, EXPIRED }

    /** The link's state at {@code now}: opened wins over expired (an opened link stays the opener's page). */
    public State state(Instant now) {
        return openedAt != null ? State.OPENED : expiresAt.isAfter(now) ? State.OPEN : State.EXPIRED;
    }
}
