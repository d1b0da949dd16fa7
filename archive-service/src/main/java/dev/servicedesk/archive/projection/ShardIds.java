package dev.servicedesk.archive.projection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.IntStream;

/** The ids of every shard of a key, for readers: one per partition of the ticket topics. */
@Component
public class ShardIds {

    private final int partitions;

    ShardIds(@Value("${servicedesk.kafka.partitions:6}") int partitions) {
        this.partitions = partitions;
    }

    public List<String> of(String key) {
        return IntStream.range(0, partitions).mapToObj(partition -> Shard.id(key, partition)).toList();
    }
}
