package dev.servicedesk.kit.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * UP when the database answers {@code ping}. Boot's own indicator sends {@code hello}, which
 * mongo-java-server does not implement; {@code ping} works on it and on real MongoDB alike.
 */
public class MongoHealthIndicator implements ReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoHealthIndicator(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Health> health() {
        return mongo.getMongoDatabase()
                .flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                        .thenReturn(Health.up().withDetail("database", db.getName()).build()))
                .timeout(Duration.ofSeconds(3))
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }
}
