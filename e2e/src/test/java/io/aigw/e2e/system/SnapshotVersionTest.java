package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SnapshotVersionTest {

    @Test
    void readsTheThreeDocumentVersionsOfAReadinessCheck() {
        assertEquals(new SnapshotVersion(12, 1034, 7), SnapshotVersion.find("c12.g1034.k7"));
    }

    @Test
    void ignoresWhatAGatewayMayAddAroundTheVersion() {
        assertEquals(new SnapshotVersion(3, 4, 5), SnapshotVersion.find("redis:c3.g4.k5+a9"));
    }

    @Test
    void hasNoVersionBeforeTheFirstSnapshot() {
        assertNull(SnapshotVersion.find("none"));
        assertNull(SnapshotVersion.find(null));
    }
}
