package dev.servicedesk.routing.priority;

import dev.servicedesk.contracts.ticket.CustomerTier;
import dev.servicedesk.contracts.ticket.Priority;
import dev.servicedesk.contracts.ticket.TicketType;
import dev.servicedesk.routing.classification.Phrase;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sets the priority (DOMAIN §2): urgent when core business or security is affected (outage,
 * account takeover, cannot log in, safety hazards, or intake's own urgent acknowledgement); important
 * when a function is broken (a broken-function phrase or a malfunction sub-type), and for complaints;
 * otherwise normal. A wide scope of impact raises one level; a VIP customer raises normal to important
 * (a VIP alone never makes a ticket urgent).
 *
 * <p>A function broken for a business where it lives on it (its shop, its customers, its orders, its sales) is a
 * core-business outage: urgent.
 *
 * <p>Someone other than the customer named together with the customer's account, card, password, balance or identity
 * in one clause is a security risk too, however it is worded ("有人冒用我的身份证开了账户", "someone is using my card").
 *
 * <p>Signals count only when they are reported: a signal shortly after a negation ("no smoke", "nobody
 * was hurt", "没有闻到煤气味") or after a supposition in the same clause ("if it ever catches fire",
 * "防止账号被盗") is left out. In an after-sales claim the incident words say what is claimed for, not
 * what is happening now: "broken" in a damaged parcel describes goods hurt on the way, which after-sales
 * replaces as routine, and an outage named in a fee-waiver request is over; neither raises the claim
 * (safety, security and login signals still do). Words that merely contain a signal (打不着火 holds 着火,
 * a smoke detector is no smoke) do not count. Scope words in a question say who asks, not who is affected.
 */
@Component
public class PriorityAssessor {

    /** Clauses end at punctuation and at a contrast ("but", "但是", "不过"). */
    private static final Pattern CLAUSE_END = Pattern.compile("[,，。.!！?？;；:：\\n]|\\sbut\\s|但是|但|不过|可是|然而");

    /** How many words (or CJK characters) may stand between a negation and the signal it denies. */
    private static final int NEGATION_REACH = 2;

    private final List<Map.Entry<String, List<Phrase>>> urgent;
    private final List<Phrase> safetyHazards;
    private final List<Phrase> important;
    private final List<Phrase> scope;
    private final List<String> importantTypes;
    private final List<String> importantSubTypes;
    private final List<Phrase> negations;
    private final List<Phrase> hypotheticals;
    private final List<String> claimSubTypes;
    private final List<String> claimIgnoredSignals;
    private final List<Phrase> lookalikes;
    private final List<String> scopeFreeTypes;
    private final List<Phrase> intruders;
    private final List<Phrase> ownAssets;
    private final List<Phrase> coreBusiness;

    public PriorityAssessor(PriorityProperties properties) {
        this.urgent = properties.urgent().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), phrases(e.getValue())))
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .toList();
        this.safetyHazards = phrases(properties.safetyHazards());
        this.important = phrases(properties.important());
        this.scope = phrases(properties.scope());
        this.importantTypes = properties.importantTypes();
        this.importantSubTypes = properties.importantSubTypes();
        this.negations = phrases(properties.negations());
        this.hypotheticals = phrases(properties.hypotheticals());
        this.claimSubTypes = properties.claimSubTypes();
        this.claimIgnoredSignals = properties.claimIgnoredSignals();
        this.lookalikes = phrases(properties.lookalikes());
        this.scopeFreeTypes = properties.scopeFreeTypes();
        this.intruders = phrases(properties.intruders());
        this.ownAssets = phrases(properties.ownAssets());
        this.coreBusiness = phrases(properties.coreBusiness());
    }

    private static List<Phrase> phrases(List<String> raw) {
        return raw.stream().map(Phrase::new).toList();
    }

    public PriorityAssessment assess(String text, TicketType type, String subType, CustomerTier tier, boolean intakeUrgent) {
        List<String> clauses = clauses(text);
        boolean claim = subType != null && claimSubTypes.contains(subType);
        List<String> reasons = new ArrayList<>();
        Priority priority = Priority.NORMAL;

        Phrase hazard = firstReported(safetyHazards, clauses);
        if (hazard != null) {
            priority = Priority.URGENT;
            reasons.add("safety hazard: \"" + hazard + "\"");
        }
        for (Map.Entry<String, List<Phrase>> group : urgent) {
            if (claim && claimIgnoredSignals.contains(group.getKey())) {
                continue;
            }
            Phrase signal = firstReported(group.getValue(), clauses);
            if (signal != null) {
                priority = Priority.URGENT;
                reasons.add(group.getKey() + ": \"" + signal + "\"");
            }
        }
        String misuse = misuse(clauses);
        if (misuse != null) {
            priority = Priority.URGENT;
            reasons.add("security: " + misuse);
        }
        // a function broken: the malfunction sub-type, or a broken-function phrase whatever the type (an outage told in anger
        // is read as a complaint, yet the business is still down)
        boolean functionBroken = subType != null && importantSubTypes.contains(subType) || !claim && firstReported(important, clauses) != null;
        Phrase business = functionBroken ? firstReported(coreBusiness, clauses) : null;
        if (business != null) {
            priority = Priority.URGENT;
            reasons.add("core business affected: \"" + business + "\"");
        }
        if (intakeUrgent && priority != Priority.URGENT) {
            priority = Priority.URGENT;
            reasons.add("intake acknowledged it as urgent");
        }
        if (priority == Priority.NORMAL) {
            Phrase broken = claim ? null : firstReported(important, clauses);
            if (broken != null) {
                priority = Priority.IMPORTANT;
                reasons.add("experience affected: \"" + broken + "\"");
            } else if (type != null && importantTypes.contains(type.wireName())) {
                priority = Priority.IMPORTANT;
                reasons.add(type.wireName() + " is at least important");
            } else if (subType != null && importantSubTypes.contains(subType)) {
                priority = Priority.IMPORTANT;
                reasons.add(subType + ": a function is broken");
            }
        }
        Phrase wide = type != null && scopeFreeTypes.contains(type.wireName()) ? null : firstReported(scope, clauses);
        if (wide != null && priority != Priority.URGENT) {
            priority = priority == Priority.NORMAL ? Priority.IMPORTANT : Priority.URGENT;
            reasons.add("wide impact: \"" + wide + "\"");
        }
        if (tier == CustomerTier.VIP && priority == Priority.NORMAL) {
            priority = Priority.IMPORTANT;
            reasons.add("VIP customer");
        }
        if (reasons.isEmpty()) {
            reasons.add("routine request");
        }
        return new PriorityAssessment(priority, hazard != null, List.copyOf(reasons));
    }

    private static List<String> clauses(String text) {
        String normalized = Phrase.normalize(text).replace('\u2019', '\'');
        return Arrays.stream(CLAUSE_END.split(normalized)).filter(clause -> !clause.isBlank()).toList();
    }

    /** @return the first phrase reported in some clause (neither denied nor supposed there), or null */
    private Phrase firstReported(List<Phrase> phrases, List<String> clauses) {
        for (Phrase phrase : phrases) {
            for (String clause : clauses) {
                for (int at = phrase.indexIn(clause, 0); at >= 0; at = phrase.indexIn(clause, at + 1)) {
                    if (!insideLookalike(clause, at, phrase.text().length()) && reported(clause.substring(0, at))) {
                        return phrase;
                    }
                }
            }
        }
        return null;
    }

    /** Someone else reported on the customer's account, card or identity in one clause, e.g. "有人冒用我的身份证". */
    private String misuse(List<String> clauses) {
        for (String clause : clauses) {
            Phrase intruder = firstReported(intruders, List.of(clause));
            Phrase asset = intruder == null ? null : firstReported(ownAssets, List.of(clause));
            if (asset != null) {
                return "\"" + intruder + "\" with \"" + asset + "\"";
            }
        }
        return null;
    }

    private boolean insideLookalike(String clause, int start, int length) {
        for (Phrase lookalike : lookalikes) {
            for (int at = lookalike.indexIn(clause, 0); at >= 0 && at <= start; at = lookalike.indexIn(clause, at + 1)) {
                if (start + length <= at + lookalike.text().length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @param before the clause up to a signal */
    private boolean reported(String before) {
        for (Phrase supposition : hypotheticals) {
            if (supposition.indexIn(before, 0) >= 0) {
                return false;
            }
        }
        for (Phrase negation : negations) {
            for (int at = negation.indexIn(before, 0); at >= 0; at = negation.indexIn(before, at + 1)) {
                if (words(before.substring(at + negation.text().length())) <= NEGATION_REACH) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Latin words plus CJK characters, since Chinese text has no spaces between words. */
    private static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x2E80 && Character.isLetterOrDigit(c)) {
                count++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c) || c == '\'') {
                count += inWord ? 0 : 1;
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return count;
    }
}
