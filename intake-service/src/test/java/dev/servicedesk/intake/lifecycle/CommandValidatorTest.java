package dev.servicedesk.intake.lifecycle;

import dev.servicedesk.contracts.events.CustomerContacted;
import dev.servicedesk.contracts.events.InformationSupplied;
import dev.servicedesk.contracts.events.SolutionAccepted;
import dev.servicedesk.contracts.events.SolutionProposed;
import dev.servicedesk.kit.web.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandValidatorTest {

    @Test
    void requiredFieldsDependOnTheCommand() {
        assertThat(CommandValidator.errors(new SolutionProposed("agent-7", " ", null, null, null)))
                .extracting(FieldError::field).containsExactlyInAnyOrder("result", "solution");
        assertThat(CommandValidator.errors(new SolutionAccepted(null))).isEmpty();
        assertThat(CommandValidator.errors(new CustomerContacted("a", null, true, "called back")))
                .extracting(FieldError::field).containsExactly("channel");
    }

    @Test
    void overLongTextAndBadAttachmentsAreNamed() {
        List<FieldError> errors = CommandValidator.errors(new InformationSupplied("图".repeat(CommandValidator.MAX_TEXT + 1),
                List.of("https://files.example/ok.png", "file:///etc/passwd"), null));

        assertThat(errors).extracting(FieldError::field).containsExactly("details", "attachments[1]");
    }
}
