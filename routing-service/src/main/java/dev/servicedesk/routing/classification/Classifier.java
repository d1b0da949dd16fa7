package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.TicketType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rule-based classifier over the configured phrases. Each phrase that occurs adds its weight to its
 * sub-type and so to its type; the type with the highest score wins (ties go to the higher
 * precedence, so "投诉 ... 退款" stays a complaint), and its best sub-type is chosen. Confidence
 * measures how far the winner is ahead: {@code top / (top + runnerUp + 1)}.
 */
@Component
public class Classifier {

    static final int WEAK = 1;
    static final int STRONG = 3;

    private final List<TypeModel> types;
    private final double reviewThreshold;

    public Classifier(ClassificationProperties properties) {
        this.reviewThreshold = properties.reviewThreshold();
        this.types = properties.types().entrySet().stream()
                .map(TypeModel::compile)
                .sorted(Comparator.comparingInt(TypeModel::precedence).reversed())
                .toList();
        if (types.isEmpty()) {
            throw new IllegalStateException("no classification rules configured (servicedesk.routing.classification.types)");
        }
    }

    /** Whether {@code subType} is configured as a sub-type of {@code type}. */
    public boolean knows(TicketType type, String subType) {
        return types.stream().anyMatch(model -> model.type() == type
                && model.subTypes().stream().anyMatch(sub -> sub.name().equals(subType)));
    }

    public double reviewThreshold() {
        return reviewThreshold;
    }

    public Classification classify(String text) {
        String normalized = Phrase.normalize(text);
        List<Scored> scored = new ArrayList<>(types.size());
        for (TypeModel type : types) {
            scored.add(type.score(normalized));
        }
        // stable sort keeps precedence order among equal scores
        scored.sort(Comparator.comparingInt(Scored::score).reversed());
        Scored best = scored.get(0);
        if (best.score() == 0) {
            TypeModel fallback = types.stream().filter(t -> t.type() == TicketType.CONSULTATION).findFirst().orElse(types.get(0));
            return new Classification(fallback.type(), fallback.fallback(), 0.2, List.of("no classification rule fired"));
        }
        int runnerUp = scored.size() > 1 ? scored.get(1).score() : 0;
        double confidence = Math.round(1000.0 * best.score() / (best.score() + runnerUp + 1.0)) / 1000.0;
        List<String> reasons = new ArrayList<>(best.fired());
        if (runnerUp > 0) {
            reasons.add("runner-up " + scored.get(1).model().type().wireName() + " scored " + runnerUp + " against " + best.score());
        }
        return new Classification(best.model().type(), best.subType(), confidence, List.copyOf(reasons));
    }

    private record Scored(TypeModel model, int score, String subType, List<String> fired) {
    }

    private record Rule(Phrase phrase, int weight) {
    }

    private record SubTypeModel(String name, List<Rule> rules) {
    }

    private record TypeModel(TicketType type, int precedence, String fallback, List<Rule> ownRules, List<SubTypeModel> subTypes) {

        static TypeModel compile(Map.Entry<String, ClassificationProperties.TypeRules> entry) {
            TicketType type = parseType(entry.getKey());
            ClassificationProperties.TypeRules rules = entry.getValue();
            List<SubTypeModel> subTypes = rules.subTypes().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(sub -> new SubTypeModel(sub.getKey(), rules(sub.getValue().keywords(), sub.getValue().strong())))
                    .toList();
            if (subTypes.isEmpty()) {
                throw new IllegalStateException("type " + entry.getKey() + " has no sub-types");
            }
            String fallback = rules.fallback() != null ? rules.fallback() : subTypes.get(0).name();
            return new TypeModel(type, rules.precedence(), fallback, rules(rules.keywords(), rules.strong()), subTypes);
        }

        private static List<Rule> rules(List<String> weak, List<String> strong) {
            List<Rule> rules = new ArrayList<>();
            weak.forEach(p -> rules.add(new Rule(new Phrase(p), WEAK)));
            strong.forEach(p -> rules.add(new Rule(new Phrase(p), STRONG)));
            return List.copyOf(rules);
        }

        Scored score(String normalized) {
            List<String> fired = new ArrayList<>();
            int score = 0;
            for (Rule rule : ownRules) {
                if (rule.phrase().occursIn(normalized)) {
                    score += rule.weight();
                    fired.add(type.wireName() + ": \"" + rule.phrase() + "\"");
                }
            }
            String bestSub = fallback;
            int bestSubScore = 0;
            for (SubTypeModel sub : subTypes) {
                int subScore = 0;
                for (Rule rule : sub.rules()) {
                    if (rule.phrase().occursIn(normalized)) {
                        subScore += rule.weight();
                        fired.add(type.wireName() + "/" + sub.name() + ": \"" + rule.phrase() + "\"");
                    }
                }
                score += subScore;
                if (subScore > bestSubScore) {
                    bestSubScore = subScore;
                    bestSub = sub.name();
                }
            }
            return new Scored(this, score, bestSub, fired);
        }
    }

    static TicketType parseType(String wireName) {
        for (TicketType type : TicketType.values()) {
            if (type.wireName().equals(wireName)) {
                return type;
            }
        }
        throw new IllegalStateException("unknown ticket type '" + wireName + "' in classification rules");
    }
}
