package io.aigw.e2e.simulator.content;

/** The deterministic answer text: the words of {@link #SENTENCE}, one per chunk, cycling when more are asked. */
public final class SimulatedText {

    public static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";

    private static final String[] WORDS = SENTENCE.split(" ");
    private static final String[] LATER_PIECES = new String[WORDS.length];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            LATER_PIECES[i] = " " + WORDS[i];
        }
    }

    private SimulatedText() {
    }

    /** The text of chunk {@code index} (0-based): the first word bare, later words with a leading space. */
    public static String piece(int index) {
        return index == 0 ? WORDS[0] : LATER_PIECES[index % WORDS.length];
    }

    /** The whole answer of {@code pieces} chunks. */
    public static String text(int pieces) {
        StringBuilder out = new StringBuilder(pieces * 8);
        for (int i = 0; i < pieces; i++) {
            out.append(piece(i));
        }
        return out.toString();
    }
}
