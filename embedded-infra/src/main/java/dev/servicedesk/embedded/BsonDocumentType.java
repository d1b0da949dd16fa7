package dev.servicedesk.embedded;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores a collection's documents as BSON, the encoding the wire already uses.
 *
 * <p>H2's default value type falls back to Java serialization for documents: each one then carries
 * class descriptors, costs several times its BSON size on disk and dominates the CPU of every
 * commit (a changed page is written whole) and of every page read back after leaving the cache.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return MemoryEstimate.of(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        writeBson(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return readBson(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    static void writeBson(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        BsonEncoder.encodeDocument(document, bson);
        int length = bson.readableBytes();
        buffer.putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
    }

    static Document readBson(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
