package dev.roster.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** An admin API listing (README, "Admin API"): {@code {"items": [...], "nextCursor": "..." | null}}. */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor) {
}
