package dev.roster.users;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Keeps scim_user_value in step with a user's document, in the caller's transaction. */
@ApplicationScoped
public class UserValueStore implements PanacheRepositoryBase<UserValueEntity, UserValueEntity.Key> {

    public Uni<Void> replace(UserEntity user) {
        var rows = UserValues.entities(user.tenantId, user.id, user.doc);
        return delete("tenantId = ?1 and userId = ?2", user.tenantId, user.id)
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : persist(rows))
                .replaceWithVoid();
    }
}
