package dev.roster.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One value of a multi-valued attribute that clients filter on (emails, ...), mirrored from the user's document in the same
 * transaction so that {@code emails[type eq "work"].value eq "x"} is an indexed lookup.
 */
@Entity
@Table(name = "scim_user_value")
@IdClass(UserValueEntity.Key.class)
public class UserValueEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(columnDefinition = "text")
    public String attribute;

    @Id
    public int ordinal;

    @Column(columnDefinition = "text")
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String value;

    @Column(name = "value_lower", nullable = false, columnDefinition = "text")
    public String valueLower;

    @Column(name = "is_primary", nullable = false)
    public boolean primary;

    public static final class Key implements Serializable {
        public UUID tenantId;
        public UUID userId;
        public String attribute;
        public int ordinal;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && ordinal == key.ordinal && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(userId, key.userId) && Objects.equals(attribute, key.attribute);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, userId, attribute, ordinal);
        }
    }
}
