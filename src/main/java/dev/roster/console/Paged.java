package dev.roster.console;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a long console list: at most {@code size} of the {@code size + 1} rows read (the extra row only tells that
 * there is more), and the address of the next page, or null on the last one.
 */
record Paged<T>(List<T> items, String next) {

    /** Rows per page of every console list (the admin API's default page size). */
    static final int SIZE = 50;

    static <T> Paged<T> of(List<T> rows, int size, Function<T, String> nextPageAfter) {
        if (rows.size() <= size) {
            return new Paged<>(rows, null);
        }
        List<T> page = rows.subList(0, size);
        return new Paged<>(page, nextPageAfter.apply(page.get(size - 1)));
    }
}
