package dev.roster.query;

/**
 * An attribute kept in a column of the resource's entity.
 *
 * @param property the entity property
 * @param type     how the compiler compares it
 * @param nullable whether a resource may lack it (then {@code pr} tests for null)
 * @param sort     whether and how {@code sortBy} may order by it
 */
public record StoredColumn(String property, ColumnType type, boolean nullable, Sort sort) {

    /** The column's kind of value. */
    public enum ColumnType { TEXT, UUID, BOOLEAN, INSTANT }

    /** Sorting by the column: not offered, by the value, or by its lower case (for case-insensitive attributes). */
    public enum Sort { NONE, EXACT, LOWERED }
}
