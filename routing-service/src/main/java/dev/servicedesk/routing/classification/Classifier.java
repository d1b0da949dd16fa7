package dev.servicedesk.routing.classification;

import dev.servicedesk.contracts.ticket.TicketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rules blended with a statistical text model. Each configured phrase that occurs adds its weight to
 * its sub-type and so to its type (rule score). The text model ({@link TextModel}, maximum entropy
 * over character n-grams and words, trained at start-up) gives a probability per type and sub-type.
 * Per type the blended score is {@code ln(model probability + 0.01) + ruleWeight * rule score + bias} (the
 * type's configured bias: complaints are chosen on less evidence, since they must escalate; a tiny precedence bonus
 * breaks ties); normalised, the winner's share is the confidence. When a strong
 * phrase of a higher-precedence type leads the rules, the model does not overturn it, so
 * "投诉 ... 退款" stays a complaint. The sub-type is chosen the same way within the winning type.
 * Reasons list the phrases that fired, the rule runner-up, and the model's top probabilities and
 * strongest features.
 */
@Component
public class Classifier {

    private static final Logger log = LoggerFactory.getLogger(Classifier.class);

    static final int WEAK = 1;
    static final int STRONG = 3;
    private static final double FLOOR = 0.01;
    private static final double PRECEDENCE_BONUS = 0.001;
    private static final int CHARACTER_BITS = 0xFFF;

    private final List<TypeModel> types;
    private final double reviewThreshold;
    private final double ruleWeight;
    private final ClassificationProperties properties;
    private volatile TextModel textModel;
    private volatile int correctionsTrainedOn;

    public Classifier(ClassificationProperties properties) {
        this(properties, List.of());
    }

    /** In the service: the text model also learns from the staff corrections stored so far. */
    @Autowired
    Classifier(ClassificationProperties properties, ObjectProvider<ReactiveMongoTemplate> mongo) {
        this(properties, StaffCorrections.read(mongo.getIfAvailable(), java.time.Duration.ofSeconds(5)));
    }

    /**
     * @param extraExamples labelled texts trained on besides the shipped corpus (e.g. staff corrections)
     */
    public Classifier(ClassificationProperties properties, List<TextModel.Example> extraExamples) {
        this.properties = properties;
        this.reviewThreshold = properties.reviewThreshold();
        this.ruleWeight = properties.ruleWeight();
        this.types = properties.types().entrySet().stream()
                .map(TypeModel::compile)
                .sorted(Comparator.comparingInt(TypeModel::precedence).reversed())
                .toList();
        if (types.isEmpty()) {
            throw new IllegalStateException("no classification rules configured (servicedesk.routing.classification.types)");
        }
        this.textModel = trainTextModel(properties, extraExamples);
        this.correctionsTrainedOn = extraExamples.size();
    }

    /**
     * Trains a new text model on the shipped corpus and {@code corrections} and puts it in place of the
     * current one; classifications under way finish with the model they started with.
     */
    public void retrain(List<TextModel.Example> corrections) {
        if (textModel == null) {
            return;
        }
        TextModel retrained = trainTextModel(properties, corrections);
        textModel = retrained;
        correctionsTrainedOn = corrections.size();
    }

    /** How many staff corrections the current text model was trained with. */
    public int correctionsTrainedOn() {
        return correctionsTrainedOn;
    }

    private TextModel trainTextModel(ClassificationProperties properties, List<TextModel.Example> extraExamples) {
        String corpus = properties.trainingCorpus();
        if (corpus == null || corpus.isBlank()) {
            return null;
        }
        List<TextModel.Example> examples = new ArrayList<>();
        try (InputStream in = Classifier.class.getClassLoader().getResourceAsStream(corpus.strip())) {
            if (in == null) {
                throw new IllegalStateException("training corpus " + corpus + " not found on the class path");
            }
            examples.addAll(TextModel.read(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (TextModel.Example example : examples) {
            if (!knowsLabel(example)) {
                throw new IllegalStateException("training example with unknown sub-type " + example.type() + "/" + example.subType());
            }
        }
        int corpusSize = examples.size();
        // corrections made under an older rule set may name a sub-type that no longer exists: skipped
        extraExamples.stream().filter(this::knowsLabel).forEach(examples::add);
        long started = System.nanoTime();
        TextModel model = TextModel.train(examples, properties.modelIterations());
        log.info("text model trained on {} examples ({} staff corrections), {} iterations, in {} ms", examples.size(),
                examples.size() - corpusSize, properties.modelIterations(), (System.nanoTime() - started) / 1_000_000);
        return model;
    }

    /** Whether {@code subType} is configured as a sub-type of {@code type}. */
    public boolean knows(TicketType type, String subType) {
        return types.stream().anyMatch(model -> model.type() == type
                && model.subTypes().stream().anyMatch(sub -> sub.name().equals(subType)));
    }

    private boolean knowsLabel(TextModel.Example example) {
        return types.stream().anyMatch(model -> model.type().wireName().equals(example.type())
                && model.subTypes().stream().anyMatch(sub -> sub.name().equals(example.subType())));
    }

    public double reviewThreshold() {
        return reviewThreshold;
    }

    public Classification classify(String text) {
        // one model for the whole decision, even if a retrained one is swapped in meanwhile
        TextModel model = textModel;
        String normalized = Phrase.normalize(text);
        long[] characters = characters(normalized);
        List<Scored> scored = new ArrayList<>(types.size());
        for (TypeModel type : types) {
            scored.add(type.score(normalized, characters));
        }
        // stable sort keeps precedence order among equal scores
        List<Scored> byRules = new ArrayList<>(scored);
        byRules.sort(Comparator.comparingInt(Scored::score).reversed());
        Scored ruleBest = byRules.get(0);
        int ruleRunnerUp = byRules.size() > 1 ? byRules.get(1).score() : 0;
        // a text neither side recognises gets the rules' default, flagged for review; a text only the
        // model recognises gets the model's answer (with its low confidence, also flagged)
        TextModel.Text features = model == null ? null : TextModel.text(text);
        if (model == null || ruleBest.score() == 0 && !model.recognises(features)) {
            return rulesOnly(byRules);
        }

        double[] labelProbabilities = model.probabilities(features);
        List<String> labels = model.labels();
        Map<String, Double> subTypeProbability = new HashMap<>();
        Map<TicketType, Double> typeProbability = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            subTypeProbability.put(labels.get(i), labelProbabilities[i]);
        }
        model.typeProbabilities(features).forEach((type, p) -> typeProbability.put(parseType(type), p));

        double[] blended = new double[scored.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            blended[i] = Math.log(typeProbability.getOrDefault(s.model().type(), 0.0) + FLOOR)
                    + ruleWeight * s.score() + s.model().bias() + PRECEDENCE_BONUS * s.model().precedence();
            max = Math.max(max, blended[i]);
        }
        double sum = 0;
        for (int i = 0; i < blended.length; i++) {
            blended[i] = Math.exp(blended[i] - max);
            sum += blended[i];
        }
        int bestIndex = 0;
        for (int i = 1; i < blended.length; i++) {
            if (blended[i] > blended[bestIndex]) {
                bestIndex = i;
            }
        }
        // precedence still decides between rules: a strong phrase of a higher-precedence type that
        // leads the rules (an explicit complaint mentioning its refund) is not overturned by the model
        if (ruleBest.strong() && ruleBest.score() >= scored.get(bestIndex).score()
                && ruleBest.model().precedence() > scored.get(bestIndex).model().precedence()) {
            bestIndex = scored.indexOf(ruleBest);
        }
        Scored best = scored.get(bestIndex);
        double share = blended[bestIndex] / sum;
        TicketType bestType = best.model().type();

        String subType = best.model().fallback();
        double bestSub = Double.NEGATIVE_INFINITY;
        for (SubTypeModel sub : best.model().subTypes()) {
            double value = Math.log(subTypeProbability.getOrDefault(bestType.wireName() + "/" + sub.name(), 0.0) + FLOOR)
                    + ruleWeight * best.subScores().getOrDefault(sub.name(), 0);
            if (value > bestSub) {
                bestSub = value;
                subType = sub.name();
            }
        }

        double confidence = Math.round(1000.0 * share) / 1000.0;
        List<String> reasons = new ArrayList<>(best.fired());
        if (ruleBest.score() == 0) {
            reasons.add("no classification rule fired");
        } else if (ruleBest != best) {
            reasons.add("rules preferred " + ruleBest.model().type().wireName() + " (" + ruleBest.score() + " against "
                    + best.score() + "), the text model outweighed them");
        } else if (ruleRunnerUp > 0) {
            reasons.add("runner-up " + byRules.get(1).model().type().wireName() + " scored " + ruleRunnerUp + " against " + best.score());
        }
        reasons.add("text model: " + topProbabilities(typeProbability));
        List<TextModel.Evidence> evidence = model.evidence(features, bestType.wireName() + "/" + subType, 3);
        if (!evidence.isEmpty()) {
            reasons.add("text model features for " + bestType.wireName() + "/" + subType + ": " + evidence.stream()
                    .map(e -> "\"" + e.feature() + "\" " + String.format(Locale.ROOT, "%+.3f", e.weight()))
                    .collect(Collectors.joining(", ")));
        }
        return new Classification(bestType, subType, confidence, List.copyOf(reasons));
    }

    private static String topProbabilities(Map<TicketType, Double> typeProbability) {
        return typeProbability.entrySet().stream()
                .sorted(Map.Entry.<TicketType, Double>comparingByValue().reversed())
                .limit(2)
                .map(e -> e.getKey().wireName() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The rules' answer alone: used when there is no text model, and when neither side recognises the text. */
    private Classification rulesOnly(List<Scored> byRules) {
        Scored best = byRules.get(0);
        if (best.score() == 0) {
            TypeModel fallback = types.stream().filter(t -> t.type() == TicketType.CONSULTATION).findFirst().orElse(types.get(0));
            return new Classification(fallback.type(), fallback.fallback(), 0.2, List.of("no classification rule fired"));
        }
        int runnerUp = byRules.size() > 1 ? byRules.get(1).score() : 0;
        double confidence = Math.round(1000.0 * best.score() / (best.score() + runnerUp + 1.0)) / 1000.0;
        List<String> reasons = new ArrayList<>(best.fired());
        if (runnerUp > 0) {
            reasons.add("runner-up " + byRules.get(1).model().type().wireName() + " scored " + runnerUp + " against " + best.score());
        }
        return new Classification(best.model().type(), best.subType(), confidence, List.copyOf(reasons));
    }

    private record Scored(TypeModel model, int score, String subType, Map<String, Integer> subScores, boolean strong, List<String> fired) {
    }

    private record Rule(Phrase phrase, int weight) {

        /** A phrase whose first character the text lacks cannot occur in it: most phrases are ruled out so. */
        boolean occursIn(String normalized, long[] characters) {
            int bit = phrase.text().charAt(0) & CHARACTER_BITS;
            return (characters[bit >>> 6] & (1L << bit)) != 0 && phrase.occursIn(normalized);
        }
    }

    /** The characters of a text, hashed into 4,096 bits (a collision only means a phrase is looked for in vain). */
    private static long[] characters(String normalized) {
        long[] bits = new long[(CHARACTER_BITS + 1) / 64];
        for (int i = 0; i < normalized.length(); i++) {
            int bit = normalized.charAt(i) & CHARACTER_BITS;
            bits[bit >>> 6] |= 1L << bit;
        }
        return bits;
    }

    private record SubTypeModel(String name, List<Rule> rules) {
    }

    private record TypeModel(TicketType type, int precedence, double bias, String fallback, List<Rule> ownRules,
                             List<SubTypeModel> subTypes) {

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
            return new TypeModel(type, rules.precedence(), rules.bias(), fallback, rules(rules.keywords(), rules.strong()), subTypes);
        }

        private static List<Rule> rules(List<String> weak, List<String> strong) {
            List<Rule> rules = new ArrayList<>();
            weak.forEach(p -> rules.add(new Rule(new Phrase(p), WEAK)));
            strong.forEach(p -> rules.add(new Rule(new Phrase(p), STRONG)));
            return List.copyOf(rules);
        }

        Scored score(String normalized, long[] characters) {
            List<String> fired = new ArrayList<>();
            int score = 0;
            boolean strong = false;
            for (Rule rule : ownRules) {
                if (rule.occursIn(normalized, characters)) {
                    score += rule.weight();
                    strong |= rule.weight() == STRONG;
                    fired.add(type.wireName() + ": \"" + rule.phrase() + "\"");
                }
            }
            String bestSub = fallback;
            int bestSubScore = 0;
            Map<String, Integer> subScores = new HashMap<>();
            for (SubTypeModel sub : subTypes) {
                int subScore = 0;
                for (Rule rule : sub.rules()) {
                    if (rule.occursIn(normalized, characters)) {
                        subScore += rule.weight();
                        strong |= rule.weight() == STRONG;
                        fired.add(type.wireName() + "/" + sub.name() + ": \"" + rule.phrase() + "\"");
                    }
                }
                score += subScore;
                if (subScore > 0) {
                    subScores.put(sub.name(), subScore);
                }
                if (subScore > bestSubScore) {
                    bestSubScore = subScore;
                    bestSub = sub.name();
                }
            }
            return new Scored(this, score, bestSub, subScores, strong, fired);
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
