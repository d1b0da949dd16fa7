package dev.servicedesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TestInfrastructureIntegrationTest {

    @Test
    void registersAWorkingBrokerAndAPerClassDatabase() {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        String database = TestInfrastructure.uniqueDatabase("Test Support");
        TestInfrastructure.register(properties::put, database);

        assertThat(database).matches("test_support_[0-9a-f]{8}");
        assertThat(properties.get("spring.mongodb.database").get()).isEqualTo(database);
        assertThat(properties.get("spring.mongodb.uri").get()).isEqualTo(TestInfrastructure.get().mongoUri());
        assertThat(properties.get("spring.kafka.bootstrap-servers").get())
                .isEqualTo(TestInfrastructure.get().kafkaBootstrapServers());
        assertThat(TestInfrastructure.get()).isSameAs(TestInfrastructure.get());
        assertThat(TestInfrastructure.get().kind()).isNotBlank();

        String bootstrap = (String) properties.get("spring.kafka.bootstrap-servers").get();
        String uri = (String) properties.get("spring.mongodb.uri").get();
        assertThat(uri).as("no database, no credentials").matches("mongodb://[^/@]+");
        assertKafkaRoundTrip(bootstrap);
        assertMongoRoundTrip(uri, database);
    }

    private static void assertKafkaRoundTrip(String bootstrap) {
        String topic = "test-support-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("creating topic " + topic, e);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "T-1", "opened")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("producing to " + topic, e);
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-support",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
        }
        assertThat(values).containsExactly("opened");
    }

    private static void assertMongoRoundTrip(String uri, String database) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> tickets = client.getDatabase(database).getCollection("tickets");
            tickets.insertOne(new Document("_id", "T-1"));
            assertThat(tickets.countDocuments()).isEqualTo(1);
        }
    }
}
