package dev.servicedesk.routing.classification;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statistical text model: two Apache OpenNLP maximum-entropy document categorizers trained in memory
 * from a labelled corpus, one over types and one over "type/sub-type" labels. The type has its own
 * model because summing sub-type probabilities would favour a type with many sub-types whenever the
 * text is unfamiliar (seven after-sales sub-types against three of problem feedback). Features:
 * character 1-3 grams of Chinese (and other CJK) runs, since Chinese has no spaces between words,
 * and lower-cased word tokens of Latin runs with their neighbouring pairs.
 */
public final class TextModel {

    /** One labelled training text. */
    public record Example(String type, String subType, String text) {
    }

    /** A feature present in a text and how strongly it points to a label on its own. */
    record Evidence(String feature, double weight) {
    }

    private static final int CACHE_LIMIT = 50_000;

    private final MaxentModel typeModel;
    private final MaxentModel model;
    private final String[] labels;
    /** Every feature seen in training. */
    private final Set<String> vocabulary;
    /** Per feature, the label distribution given that feature alone (for the reasons). */
    private final ConcurrentHashMap<String, double[]> singleFeature = new ConcurrentHashMap<>();

    private TextModel(MaxentModel typeModel, MaxentModel model, Set<String> vocabulary) {
        this.typeModel = typeModel;
        this.vocabulary = Set.copyOf(vocabulary);
        this.model = model;
        this.labels = new String[model.getNumOutcomes()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = model.getOutcome(i);
        }
    }

    public static TextModel train(List<Example> examples, int iterations) {
        OpenNlpLogging.quiet();
        List<Example> usable = examples.stream().filter(example -> features(example.text()).length > 0).toList();
        if (usable.isEmpty()) {
            throw new IllegalStateException("no training examples for the text model");
        }
        // the two models are independent: the type model trains on another core meanwhile
        CompletableFuture<MaxentModel> types = CompletableFuture.supplyAsync(() -> trainMaxent(
                usable.stream().map(example -> new DocumentSample(example.type(), features(example.text()))).toList(), iterations));
        MaxentModel subTypes = trainMaxent(usable.stream()
                .map(example -> new DocumentSample(example.type() + "/" + example.subType(), features(example.text()))).toList(), iterations);
        Set<String> vocabulary = new HashSet<>();
        usable.forEach(example -> vocabulary.addAll(List.of(features(example.text()))));
        return new TextModel(types.join(), subTypes, vocabulary);
    }

    private static MaxentModel trainMaxent(List<DocumentSample> samples, int iterations) {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), parameters,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()})).getMaxentModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code type<TAB>sub-type<TAB>text} lines; blank lines and {@code #} comments are skipped. */
    public static List<Example> read(InputStream in) {
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                if (columns.length != 3) {
                    throw new IllegalArgumentException("expected type, sub-type and text separated by tabs: " + line);
                }
                examples.add(new Example(columns[0].strip(), columns[1].strip(), columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    public List<String> labels() {
        return List.of(labels);
    }

    /** A text's features, computed once for every question asked about the text. */
    static final class Text {

        private final String[] features;
        private final String[] context;

        private Text(String[] features) {
            this.features = features;
            this.context = bagOfWords(features);
        }
    }

    static Text text(String raw) {
        return new Text(features(raw));
    }

    /** Whether the text has any feature the model was trained on; if not, its probabilities say nothing. */
    boolean recognises(Text text) {
        for (String feature : text.features) {
            if (vocabulary.contains(feature)) {
                return true;
            }
        }
        return false;
    }

    /** Probability per type (wire name), from the type model. */
    Map<String, Double> typeProbabilities(Text text) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        double[] values = text.context.length == 0 ? null : typeModel.eval(text.context);
        for (int i = 0; i < typeModel.getNumOutcomes(); i++) {
            probabilities.put(typeModel.getOutcome(i), values == null ? 1.0 / typeModel.getNumOutcomes() : values[i]);
        }
        return probabilities;
    }

    /** Probability per label, in the order of {@link #labels()}. */
    double[] probabilities(Text text) {
        if (text.context.length == 0) {
            double[] uniform = new double[labels.length];
            Arrays.fill(uniform, 1.0 / labels.length);
            return uniform;
        }
        return model.eval(text.context);
    }

    /**
     * The features of the text that push most strongly to {@code label}: the log of the label's
     * probability given only that feature against the uniform probability, which is that feature's
     * share of the label's log score in the whole text (the model divides every feature's weight by
     * the same constant).
     */
    List<Evidence> evidence(Text text, String label, int limit) {
        int index = model.getIndex(label);
        if (index < 0) {
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String feature : text.features) { // distinct already
            double p = singleFeatureDistribution(feature)[index];
            double weight = Math.log(p * labels.length);
            if (weight > 0) {
                evidence.add(new Evidence(feature.substring(2), weight));
            }
        }
        evidence.sort(Comparator.comparingDouble(Evidence::weight).reversed());
        return evidence.size() > limit ? List.copyOf(evidence.subList(0, limit)) : List.copyOf(evidence);
    }

    private double[] singleFeatureDistribution(String feature) {
        double[] cached = singleFeature.get(feature);
        if (cached != null) {
            return cached;
        }
        double[] distribution = model.eval(new String[] {"bow=" + feature});
        if (singleFeature.size() < CACHE_LIMIT) {
            singleFeature.putIfAbsent(feature, distribution);
        }
        return distribution;
    }

    private static String[] bagOfWords(String[] features) {
        String[] context = new String[features.length];
        for (int i = 0; i < features.length; i++) {
            context[i] = "bow=" + features[i];
        }
        return context;
    }

    /**
     * Character 1-3 grams of every CJK run ({@code c:退款}) and the lower-cased words of Latin runs
     * ({@code w:refund}, with a plural or past-tense ending removed) and their neighbouring pairs within a phrase
     * ({@code b:can i}), after the same normalisation as the rules.
     */
    static String[] features(String raw) {
        String text = Phrase.normalize(raw);
        Set<String> features = new LinkedHashSet<>();
        String previousWord = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isCjk(c)) {
                int end = i;
                while (end < text.length() && isCjk(text.charAt(end))) {
                    end++;
                }
                for (int n = 1; n <= 3; n++) {
                    for (int at = i; at + n <= end; at++) {
                        features.add("c:" + text.substring(at, at + n));
                    }
                }
                previousWord = null;
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < text.length() && Character.isLetterOrDigit(text.charAt(end)) && !isCjk(text.charAt(end))) {
                    end++;
                }
                String word = stem(text.substring(i, end));
                features.add("w:" + word);
                // word pairs tell a question from a request ("can i return" against "i want to return")
                if (previousWord != null) {
                    features.add("b:" + previousWord + " " + word);
                }
                previousWord = word;
                i = end;
            } else {
                if (c == '?' || c == '？') {
                    features.add("p:?");
                }
                if (c != ' ' && c != '\'') {
                    previousWord = null; // pairs stay within a phrase
                }
                i++;
            }
        }
        return features.toArray(String[]::new);
    }

    private static String stem(String word) {
        if (word.length() > 5 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 4 && word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static boolean isCjk(char c) {
        return c >= 0x2E80 && Character.isLetterOrDigit(c);
    }
}
