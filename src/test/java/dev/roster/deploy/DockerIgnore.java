package dev.roster.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * .dockerignore semantics as Docker's build-context loader applies them: patterns in order, the last one that
 * matches a path or any of its parent directories decides, '!' re-includes, '**' spans directories.
 */
record DockerIgnore(List<Rule> rules) {

    record Rule(boolean include, Pattern regex, String source) {
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean include = line.startsWith("!");
            String pattern = clean(include ? line.substring(1).strip() : line);
            if (!pattern.isEmpty()) {
                rules.add(new Rule(include, Pattern.compile(toRegex(pattern)), line));
            }
        }
        return new DockerIgnore(rules);
    }

    /** Whether a path relative to the context root (with '/' separators) is left out of the build context. */
    boolean excludes(String relativePath) {
        String path = clean(relativePath);
        List<String> candidates = new ArrayList<>();
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            if (!prefix.isEmpty()) {
                prefix.append('/');
            }
            prefix.append(part);
            candidates.add(prefix.toString());
        }
        boolean excluded = false;
        for (Rule rule : rules) {
            if (candidates.stream().anyMatch(c -> rule.regex().matcher(c).matches())) {
                excluded = !rule.include();
            }
        }
        return excluded;
    }

    /** Like Go's filepath.Clean for these patterns: no leading "/" or "./", no trailing "/", no empty segments. */
    private static String clean(String p) {
        String s = p.replace('\\', '/');
        while (s.startsWith("/") || s.startsWith("./")) {
            s = s.startsWith("/") ? s.substring(1) : s.substring(2);
        }
        s = s.replaceAll("/+", "/");
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String toRegex(String pattern) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                        i++;
                    }
                    re.append(i + 1 >= pattern.length() ? ".*" : "(.*/)?");
                } else {
                    re.append("[^/]*");
                }
            } else if (ch == '?') {
                re.append("[^/]");
            } else if (ch == '[') {
                int close = pattern.indexOf(']', i + 1);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    re.append(pattern, i, close + 1);
                    i = close;
                }
            } else if ("\\.+()|{}^$".indexOf(ch) >= 0) {
                re.append('\\').append(ch);
            } else {
                re.append(ch);
            }
        }
        return re.append('$').toString();
    }
}
