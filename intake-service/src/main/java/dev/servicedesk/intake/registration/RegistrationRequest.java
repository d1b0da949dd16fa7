package dev.servicedesk.intake.registration;

import java.util.List;

/**
 * The registration form (客户服务需求登记表) as a front end sends it. Every field is read as
 * text so that validation can name every field at fault at once instead of stopping at the first.
 *
 * @param channel          phone, chat, email, app, web, social or walk-in
 * @param customerRequest  what the customer asks for (refund, repair, an answer, ...)
 * @param occurredAt       when it happened, ISO-8601 with an offset
 * @param preferredContact the channel the customer wants to be answered on; defaults to {@code channel}
 * @param language         BCP 47 tag, e.g. {@code zh-CN}
 * @param attachments      http(s) references to screenshots, videos, receipts
 */
record RegistrationRequest(
        String channel,
        Customer customer,
        String orderNumber,
        Product product,
        String description,
        String customerRequest,
        String occurredAt,
        String preferredContact,
        String language,
        List<String> attachments) {

    /** @param id the front end's customer id, if it knows one; tier vip, member or normal */
    record Customer(String id, String name, String phone, String email, String tier) {
    }

    record Product(String name, String batch) {
    }
}
