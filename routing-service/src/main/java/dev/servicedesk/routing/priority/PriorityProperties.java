package dev.servicedesk.routing.priority;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Priority signals ({@code servicedesk.routing.priority.*}, shipped in {@code routing-rules.yml}).
 *
 * @param urgent         signal groups that make a ticket urgent, e.g. {@code outage}, {@code security}
 * @param safetyHazards  phrases of safety hazards (gas, electric shock, fire, injury): urgent and escalated
 * @param important      phrases of a broken function or experience: at least important
 * @param scope          phrases of a wide impact (many users, a whole shop): one level up
 * @param importantTypes types that are at least important by themselves (complaints)
 * @param importantSubTypes sub-types that mean a function is broken (malfunctions)
 * @param negations      words that deny a signal shortly after them ("no smoke", "没有闻到煤气味")
 * @param hypotheticals  words that make the rest of a clause a supposition, not a report ("if", "如果", "防止")
 * @param claimSubTypes  after-sales claims whose incident words describe what is claimed for, not a live incident:
 *                       goods broken on the way (damaged parcels), an outage a fee is to be waived for. Broken-function
 *                       phrases and the {@code claimIgnoredSignals} groups do not raise them
 * @param claimIgnoredSignals urgent signal groups that claims leave out, e.g. {@code outage}
 * @param lookalikes     words that contain a signal but mean something else: 打不着火 (will not ignite) holds 着火 (on
 *                       fire), a smoke detector is no smoke. A signal inside one of them does not count
 * @param scopeFreeTypes types whose scope words say who asks, not who is affected (questions)
 * @param intruders      someone other than the customer ("有人", "someone", "陌生人"): reported in the same clause as one
 *                       of {@code ownAssets}, a security risk (identity or card misuse, an account taken over) whatever words
 *                       it is told in
 * @param ownAssets      what a customer can have misused: account, card, password, balance, identity
 * @param coreBusiness   what a business customer lives on (its shop, its customers, its orders and sales): named in a
 *                       ticket of one of {@code importantSubTypes} or with an {@code important} phrase (a function broken), the core
 *                       business is affected
 */
@ConfigurationProperties("servicedesk.routing.priority")
public record PriorityProperties(
        Map<String, List<String>> urgent,
        List<String> safetyHazards,
        List<String> important,
        List<String> scope,
        List<String> importantTypes,
        List<String> importantSubTypes,
        List<String> negations,
        List<String> hypotheticals,
        List<String> claimSubTypes,
        List<String> claimIgnoredSignals,
        List<String> lookalikes,
        List<String> scopeFreeTypes,
        List<String> intruders,
        List<String> ownAssets,
        List<String> coreBusiness) {

    public PriorityProperties {
        urgent = urgent == null ? Map.of() : Map.copyOf(urgent);
        safetyHazards = safetyHazards == null ? List.of() : List.copyOf(safetyHazards);
        important = important == null ? List.of() : List.copyOf(important);
        scope = scope == null ? List.of() : List.copyOf(scope);
        importantTypes = importantTypes == null ? List.of() : List.copyOf(importantTypes);
        importantSubTypes = importantSubTypes == null ? List.of() : List.copyOf(importantSubTypes);
        negations = negations == null ? List.of() : List.copyOf(negations);
        hypotheticals = hypotheticals == null ? List.of() : List.copyOf(hypotheticals);
        claimSubTypes = claimSubTypes == null ? List.of() : List.copyOf(claimSubTypes);
        claimIgnoredSignals = claimIgnoredSignals == null ? List.of() : List.copyOf(claimIgnoredSignals);
        lookalikes = lookalikes == null ? List.of() : List.copyOf(lookalikes);
        scopeFreeTypes = scopeFreeTypes == null ? List.of() : List.copyOf(scopeFreeTypes);
        intruders = intruders == null ? List.of() : List.copyOf(intruders);
        ownAssets = ownAssets == null ? List.of() : List.copyOf(ownAssets);
        coreBusiness = coreBusiness == null ? List.of() : List.copyOf(coreBusiness);
    }
}
