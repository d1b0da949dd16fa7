package dev.servicedesk.embedded;

import java.nio.ByteBuffer;
import java.util.Map;

import org.h2.mvstore.SFChunk;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's single-file store, changed so that a chunk written into reused space is found again after
 * the process is killed.
 *
 * <p>Reopening a file that was not closed, H2 takes the chunk the file header names and follows
 * each chunk's guess of where the next one goes; it also looks for a chunk at the file's end. When
 * a chunk lands elsewhere than its predecessor guessed, H2 rewrites the header so that it can be
 * found, but H2 2.5 writes that header before it records the chunk as the last one, so the header
 * names the predecessor, whose guess does not lead to it. That chunk, and the commits after it until
 * the header is next rewritten, are then lost on a kill, acknowledged or not. Recording each chunk
 * as the last one as soon as it is in the file makes the header name it: H2 then rewrites the header
 * (8 KB) for every chunk that is not at the file's end, and finds the newest chunk from it.
 */
final class NewestChunkRecordingFileStore extends SingleFileStore {

    NewestChunkRecordingFileStore(Map<String, Object> config) {
        super(config);
    }

    @Override
    protected void writeFully(SFChunk chunk, long pos, ByteBuffer src) {
        super.writeFully(chunk, pos, src);
        if (chunk != null) { // a new chunk; headers and moved chunks are written without one
            lastChunk = chunk;
        }
    }
}
