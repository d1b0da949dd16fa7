package dev.servicedesk.benchmark.traffic;

import dev.servicedesk.contracts.ticket.Department;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.SplittableRandom;

/** Valid bodies for each lifecycle command: the fields intake requires, in both languages. */
public final class LifecycleBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Department[] DEPARTMENTS = Department.values();

    private LifecycleBodies() {
    }

    public static byte[] of(LifecycleStep step, SplittableRandom random) {
        ObjectNode body = JSON.createObjectNode();
        String agent = "agent-" + (1 + random.nextInt(40));
        boolean chinese = random.nextBoolean();
        switch (step) {
            case PROGRESS -> {
                body.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)].wireName());
                body.put("reportedBy", "dept-system-" + (1 + random.nextInt(5)));
                body.put("summary", chinese ? "已联系仓库核实，预计明天给出结果" : "Checked with the warehouse, result expected tomorrow");
            }
            case SOLUTION -> {
                body.put("proposedBy", agent);
                body.put("result", chinese ? "确认为运输损坏" : "Confirmed as transport damage");
                body.put("solution", chinese ? "免费补发新品，原件无需寄回" : "A replacement ships free of charge; keep the damaged item");
                body.put("nextSteps", chinese ? "三天内收到快递短信" : "Expect a tracking message within three days");
                body.put("via", random.nextBoolean() ? "phone" : "email");
            }
            case ACCEPTANCE -> body.put("note", chinese ? "满意，谢谢" : "Happy with that, thanks");
            case CLOSURE -> {
                body.put("closedBy", agent);
                body.put("note", chinese ? "客户确认已解决" : "Customer confirmed it is solved");
            }
        }
        return JSON.writeValueAsBytes(body);
    }
}
