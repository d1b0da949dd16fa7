package dev.servicedesk.benchmark.traffic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fixed population of customers picked with a Zipf-like skew: a few customers write in again and
 * again, most only once or twice. About 5 % are VIPs and 20 % members.
 */
public final class CustomerPool {

    private static final double SKEW = 1.1;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"芳", "伟", "娜", "敏", "静", "强", "磊", "洋", "艳", "军"};
    private static final String[] FIRST = {"Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Leo"};
    private static final String[] LAST = {"Smith", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Taylor", "Clark", "Lewis", "Walker"};

    private final Customer[] customers;
    private final double[] cumulative;

    public CustomerPool(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        customers = new Customer[size];
        cumulative = new double[size];
        double total = 0;
        for (int rank = 0; rank < size; rank++) {
            customers[rank] = customer(rank, random);
            total += 1 / Math.pow(rank + 1, SKEW);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= total;
        }
    }

    /** A customer, repeat writers far more often than others. */
    public Customer pick(SplittableRandom random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return customers[Math.min(customers.length - 1, index >= 0 ? index : -index - 1)];
    }

    public int size() {
        return customers.length;
    }

    private static Customer customer(int rank, SplittableRandom random) {
        boolean chinese = random.nextInt(100) < 65;
        String name = chinese
                ? SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        int contact = random.nextInt(10);
        String phone = contact < 8 ? (chinese ? "+86 13" : "+44 7") + String.format("%09d", 100_000_000 + rank) : null;
        String email = contact >= 5 ? "customer" + rank + "@example.com" : null;
        int tierDraw = random.nextInt(100);
        String tier = tierDraw < 5 ? "vip" : tierDraw < 25 ? "member" : "normal";
        return new Customer(name, phone, email, tier, chinese);
    }
}
