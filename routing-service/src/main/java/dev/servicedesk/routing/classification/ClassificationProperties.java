package dev.servicedesk.routing.classification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Classification rules ({@code servicedesk.routing.classification.*}, shipped in {@code routing-rules.yml}).
 * Phrases are matched case-insensitively after Unicode normalisation; English phrases only at word
 * starts, so "fee" does not fire inside "feedback".
 *
 * @param reviewThreshold below this confidence a ticket is flagged for staff review
 * @param types           per type (wire name): its own phrases and its sub-types
 * @param trainingCorpus  class-path resource of the labelled texts the text model is trained on at
 *                        start-up ({@code type<TAB>sub-type<TAB>text}); empty: rules only
 * @param ruleWeight      how much one point of rule score counts against the text model's log
 *                        probability when the two are blended
 * @param modelIterations training iterations of the maximum-entropy model
 * @param retrainEvery    how often to check for new staff corrections and, if there are any, retrain
 *                        the text model while the service runs
 */
@ConfigurationProperties("servicedesk.routing.classification")
public record ClassificationProperties(
        @DefaultValue("0.6") double reviewThreshold,
        Map<String, TypeRules> types,
        @DefaultValue("classification/training.tsv") String trainingCorpus,
        @DefaultValue("1.0") double ruleWeight,
        @DefaultValue("100") int modelIterations,
        @DefaultValue("10m") Duration retrainEvery) {

    public ClassificationProperties {
        types = types == null ? Map.of() : Map.copyOf(types);
    }

    /**
     * @param keywords  phrases that point to the type without naming a sub-type (weight 1)
     * @param strong    phrases that point to the type strongly (weight 3)
     * @param fallback  the sub-type chosen when only type-level phrases fired
     * @param precedence breaks ties between types: higher wins
     * @param bias       added to the type's blended score (a log-odds shift): a type whose miss costs more than a
     *                   false alarm is chosen on less evidence; complaints must escalate, so they carry one
     */
    public record TypeRules(List<String> keywords, List<String> strong, String fallback,
                            @DefaultValue("0") int precedence, @DefaultValue("0") double bias, Map<String, SubTypeRules> subTypes) {

        public TypeRules {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            strong = strong == null ? List.of() : List.copyOf(strong);
            subTypes = subTypes == null ? Map.of() : Map.copyOf(subTypes);
        }
    }

    /**
     * @param keywords phrases of the sub-type (weight 1)
     * @param strong   phrases that nearly decide the sub-type (weight 3)
     */
    public record SubTypeRules(List<String> keywords, List<String> strong) {

        public SubTypeRules {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            strong = strong == null ? List.of() : List.copyOf(strong);
        }
    }
}
