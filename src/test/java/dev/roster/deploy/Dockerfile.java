package dev.roster.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small Dockerfile reader: joins continuation lines, drops comments and parser directives, and groups the
 * instructions into build stages. Enough to check structure (stages, base images, user, ports, entrypoint),
 * not a full BuildKit frontend.
 */
record Dockerfile(List<Instruction> globalArgs, List<Stage> stages) {

    record Instruction(int line, String keyword, String args) {
    }

    record Stage(int index, String image, String name, int line, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Instruction last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? null : found.getLast();
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        StringBuilder pending = null;
        int start = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue; // comments (and parser directives), also between continuation lines
            }
            if (pending == null) {
                if (trimmed.isEmpty()) {
                    continue;
                }
                pending = new StringBuilder();
                start = n + 1;
            }
            boolean continues = trimmed.endsWith("\\");
            pending.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                instructions.add(instruction(start, pending.toString().strip()));
                pending = null;
            }
        }
        if (pending != null) {
            instructions.add(instruction(start, pending.toString().strip()));
        }

        List<Instruction> globalArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.keyword().equals("FROM")) {
                List<String> words = new ArrayList<>(List.of(i.args().split("\\s+")));
                words.removeIf(w -> w.startsWith("--")); // --platform=...
                String image = words.isEmpty() ? "" : words.getFirst();
                String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
                stages.add(new Stage(stages.size(), image, name, i.line(), new ArrayList<>()));
            } else if (stages.isEmpty()) {
                globalArgs.add(i);
            } else {
                stages.getLast().instructions().add(i);
            }
        }
        return new Dockerfile(globalArgs, stages);
    }

    private static Instruction instruction(int line, String text) {
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : text.substring(space + 1).strip();
        return new Instruction(line, keyword, args);
    }

    Stage finalStage() {
        return stages.getLast();
    }

    /** Stages before the final one: their content does not ship. */
    List<Stage> buildStages() {
        return stages.subList(0, Math.max(0, stages.size() - 1));
    }

    boolean isStageName(String image, int before) {
        return stages.stream().limit(before).anyMatch(s -> image.equals(s.name()));
    }
}
