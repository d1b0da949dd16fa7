package dev.servicedesk.testsupport;

import dev.servicedesk.security.Role;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Tests with an auto-configured {@code WebTestClient} ({@code @AutoConfigureWebTestClient}) call as an
 * administrator of the test issuer unless a request sets its own {@code Authorization} header, or removes
 * it to call anonymously. Registered for that annotation in this module's {@code META-INF/spring}.
 */
@AutoConfiguration
public class AdminTestClientConfiguration {

    @Bean
    WebTestClientBuilderCustomizer adminTestToken() {
        return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.ADMIN));
    }
}
