package dev.servicedesk.intake;

import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/**
 * Intake in a child JVM ({@link ChildJvm}). Args: the ready file, then Spring arguments
 * ({@code --name=value}); writes its HTTP port to the ready file once it serves.
 */
public final class ChildIntakeMain {

    private ChildIntakeMain() {
    }

    public static void main(String[] args) throws Exception {
        ChildJvm.haltWithParentOrLate();
        String[] springArgs = Arrays.copyOfRange(args, 1, args.length);
        ConfigurableApplicationContext context = IntakeApplication.builder().run(springArgs);
        ChildJvm.ready(args[0], context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
