package io.aigw.e2e.system.otlp;

import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format (varints, fixed 64-bit, length-delimited fields): enough to decode OTLP's trace
 * messages by field number without generated classes.
 */
final class WireReader {

    private final byte[] bytes;
    private int pos;
    private final int end;

    WireReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private WireReader(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.pos = from;
        this.end = end;
    }

    boolean more() {
        return pos < end;
    }

    /** The next field's tag: field number {@code >>> 3}, wire type {@code & 7}. */
    int tag() {
        return (int) varint();
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[pos++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    long fixed64() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (long) (bytes[pos++] & 0xff) << (8 * i);
        }
        return value;
    }

    byte[] bytes() {
        int length = (int) varint();
        byte[] out = new byte[length];
        System.arraycopy(bytes, pos, out, 0, length);
        pos += length;
        return out;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** The length-delimited field at the cursor as a reader of its own. */
    WireReader message() {
        int length = (int) varint();
        WireReader inner = new WireReader(bytes, pos, pos + length);
        pos += length;
        return inner;
    }

    void skip(int tag) {
        switch (tag & 7) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> {
                int length = (int) varint(); // read first: `pos += varint()` would add to the position before the length
                pos += length;
            }
            case 5 -> pos += 4;
            default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
        }
    }

    static String hex(byte[] id) {
        StringBuilder out = new StringBuilder(id.length * 2);
        for (byte b : id) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}
