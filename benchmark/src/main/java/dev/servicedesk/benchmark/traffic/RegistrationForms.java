package dev.servicedesk.benchmark.traffic;

import dev.servicedesk.contracts.ticket.Channel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Registration forms as front ends post them: every channel, the request kinds of {@link RequestKind}
 * in their shares, Chinese or English after the customer, with products, batches and order numbers.
 */
public final class RegistrationForms {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CHANNELS = List.of(Channel.values()).stream().map(Channel::wireName).toList();
    private static final String[][] PRODUCTS = {
            {"电热水壶 K2", "Kettle K2"}, {"扫地机器人 R8", "Robot vacuum R8"}, {"空气净化器 AP-300", "Air purifier AP-300"},
            {"无线耳机 B5", "Wireless earbuds B5"}, {"滚筒洗衣机 W9", "Washing machine W9"}, {"智能门锁 L1", "Smart lock L1"}};
    private static final int TOTAL_SHARE = RequestKind.ALL.stream().mapToInt(RequestKind::share).sum();

    private final CustomerPool customers;

    public RegistrationForms(CustomerPool customers) {
        this.customers = customers;
    }

    /** A new form, as JSON bytes. */
    public byte[] next(SplittableRandom random) {
        Customer customer = customers.pick(random);
        RequestKind kind = kind(random);
        List<RequestKind.Wording> wordings = customer.chinese() ? kind.chinese() : kind.english();
        RequestKind.Wording wording = wordings.get(random.nextInt(wordings.size()));
        int product = random.nextInt(PRODUCTS.length);

        ObjectNode form = JSON.createObjectNode();
        form.put("channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
        ObjectNode who = form.putObject("customer");
        who.put("name", customer.name());
        if (customer.phone() != null) {
            who.put("phone", customer.phone());
        }
        if (customer.email() != null) {
            who.put("email", customer.email());
        }
        who.put("tier", customer.tier());
        if (random.nextInt(10) < 7) {
            form.put("orderNumber", "SO-2026" + String.format("%07d", random.nextInt(10_000_000)));
        }
        ObjectNode productNode = form.putObject("product");
        productNode.put("name", PRODUCTS[product][customer.chinese() ? 0 : 1]);
        productNode.put("batch", "B" + (2601 + random.nextInt(12)));
        form.put("description", wording.description());
        form.put("customerRequest", wording.request());
        form.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(random.nextInt(48 * 60)).withNano(0).toString());
        form.put("preferredContact", customer.reachableOn());
        form.put("language", customer.chinese() ? "zh-CN" : "en");
        return JSON.writeValueAsBytes(form);
    }

    private static RequestKind kind(SplittableRandom random) {
        int draw = random.nextInt(TOTAL_SHARE);
        for (RequestKind kind : RequestKind.ALL) {
            draw -= kind.share();
            if (draw < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("shares do not add up");
    }
}
