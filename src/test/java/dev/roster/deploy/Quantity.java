package dev.roster.deploy;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ({@code 500m}, {@code 2}, {@code 768Mi}, {@code 1G}) as plain numbers. */
final class Quantity {

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.valueOf(1_000L)),
            Map.entry("M", BigDecimal.valueOf(1_000_000L)),
            Map.entry("G", BigDecimal.valueOf(1_000_000_000L)),
            Map.entry("T", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)));

    private Quantity() {
    }

    static BigDecimal parse(String quantity) {
        String q = quantity.strip();
        int i = 0;
        while (i < q.length() && (Character.isDigit(q.charAt(i)) || q.charAt(i) == '.')) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("Not a quantity: '" + quantity + "'");
        }
        BigDecimal number = new BigDecimal(q.substring(0, i));
        String suffix = q.substring(i);
        if (suffix.isEmpty()) {
            return number;
        }
        BigDecimal factor = SUFFIXES.get(suffix);
        if (factor == null) {
            throw new IllegalArgumentException("Unknown quantity suffix in '" + quantity + "'");
        }
        return number.multiply(factor);
    }
}
