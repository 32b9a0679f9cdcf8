package io.aigw.gateway.usage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Usage events Kafka could not take, on local disk: segment files `segment-<n>.log` in order, each a run of records
 * `[length:int][crc32c:int][bytes]`. Appends go to the newest segment and are forced to disk in batches
 * ({@link #sync}); reading starts at the oldest. A record whose length or checksum does not hold (a torn write at a
 * crash) ends its segment. Used by one thread only (the publisher's sender): no locks.
 */
final class UsageSpool implements AutoCloseable {

    private static final int HEADER = 8;
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    /** Segment number → its size in bytes. */
    private final TreeMap<Long, Long> segments = new TreeMap<>();
    private final CRC32C crc = new CRC32C();
    /** Held while this process owns the directory: two writers would interleave their records. */
    private final FileChannel lockChannel;
    private final java.nio.channels.FileLock lock;
    private FileChannel writing;
    private long writingNumber = -1;
    /** Segment numbers only grow, even when every file was deleted. */
    private long nextNumber = 1;
    private boolean dirty;
    private long records;

    UsageSpool(Path dir, long maxBytes, long segmentBytes) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        java.nio.channels.FileLock held;
        try {
            held = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            held = null;
        }
        lock = held;
        if (lock == null) {
            lockChannel.close();
            throw new IOException("the usage spool " + dir + " is in use by another process: give each gateway its own");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()) {
                    segments.put(Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())),
                            Files.size(file));
                }
            }
        }
        nextNumber = segments.isEmpty() ? 1 : segments.lastKey() + 1;
        for (long n : segments.keySet()) {
            records += read(n, 0, Integer.MAX_VALUE).records().size();
        }
    }

    boolean isEmpty() {
        return records == 0;
    }

    /** Events waiting in the spool. */
    long records() {
        return records;
    }

    long bytes() {
        return segments.values().stream().mapToLong(Long::longValue).sum();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Appends one record; false (nothing written) when the spool is full. */
    boolean append(byte[] payload) throws IOException {
        int size = HEADER + payload.length;
        if (bytes() + size > maxBytes) {
            return false;
        }
        if (writing == null || segments.get(writingNumber) + size > segmentBytes) {
            roll();
        }
        crc.reset();
        crc.update(payload);
        ByteBuffer buffer = ByteBuffer.allocate(size).putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        while (buffer.hasRemaining()) {
            writing.write(buffer);
        }
        segments.merge(writingNumber, (long) size, Long::sum);
        records++;
        dirty = true;
        return true;
    }

    /** Forces what was appended since the last call to disk. */
    void sync() throws IOException {
        if (dirty && writing != null) {
            writing.force(false);
            dirty = false;
        }
    }

    /** The oldest segment's number, or -1; the segment being written is closed first so that it can be read whole. */
    long oldest() throws IOException {
        if (segments.isEmpty()) {
            return -1;
        }
        if (segments.firstKey() == writingNumber) {
            closeWriting();
        }
        return segments.firstKey();
    }

    /** Up to {@code max} records of segment {@code n} from byte {@code offset}, and the offset after them. */
    Chunk read(long n, long offset, int max) throws IOException {
        List<byte[]> out = new ArrayList<>();
        long position = offset;
        try (FileChannel channel = FileChannel.open(file(n), StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (out.size() < max && position + HEADER <= size) {
                header.clear();
                channel.read(header, position);
                header.flip();
                int length = header.getInt();
                int sum = header.getInt();
                if (length < 0 || position + HEADER + length > size) {
                    break; // torn tail
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                channel.read(payload, position + HEADER);
                crc.reset();
                crc.update(payload.array());
                if ((int) crc.getValue() != sum) {
                    break;
                }
                out.add(payload.array());
                position += HEADER + length;
            }
        }
        return new Chunk(out, position);
    }

    /**
     * Forgets {@code count} records of segment {@code n} that reached Kafka; deletes the segment when it is done, and
     * every segment once no record is left.
     */
    void consumed(long n, int count, boolean segmentDone) throws IOException {
        records = Math.max(0, records - count);
        if (segmentDone) {
            Files.deleteIfExists(file(n));
            segments.remove(n);
        }
        if (records == 0) {
            closeWriting();
            for (long left : segments.keySet()) {
                Files.deleteIfExists(file(left));
            }
            segments.clear();
        }
    }

    private void roll() throws IOException {
        closeWriting();
        writingNumber = nextNumber++;
        writing = FileChannel.open(file(writingNumber), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segments.put(writingNumber, 0L);
    }

    private void closeWriting() throws IOException {
        if (writing != null) {
            sync();
            writing.close();
            writing = null;
            writingNumber = -1;
        }
    }

    private Path file(long n) {
        return dir.resolve(PREFIX + String.format("%020d", n) + SUFFIX);
    }

    @Override
    public void close() throws IOException {
        closeWriting();
        lock.release();
        lockChannel.close();
    }

    /** Records read from a segment and where the next one starts. */
    record Chunk(List<byte[]> records, long next) {
    }
}
