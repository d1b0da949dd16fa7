package dev.servicedesk.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Keys of a unique index: compared in MongoDB's sort order and stored as BSON.
 *
 * <p>{@link KeyValue} is not {@link Comparable}, so H2's default type would order index keys by
 * comparing their Java serializations, serializing two keys at every step of every B-tree search:
 * each lookup by {@code _id} would cost more the more documents a collection holds.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final String SIZE = "n";

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = ValueComparator.ascWithoutListHandling().compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return MemoryEstimate.of(key.stream().toList());
    }

    /** As a document {@code {n: size, "0": first, ...}}; a missing value (sparse keys) is an absent field. */
    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        Document document = new Document(SIZE, key.size());
        for (int i = 0; i < key.size(); i++) {
            if (!(key.get(i) instanceof Missing)) {
                document.put(Integer.toString(i), key.get(i));
            }
        }
        BsonDocumentType.writeBson(buffer, document);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Document document = BsonDocumentType.readBson(buffer);
        int size = ((Number) document.get(SIZE)).intValue();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String field = Integer.toString(i);
            values.add(document.containsKey(field) ? document.get(field) : Missing.getInstance());
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
