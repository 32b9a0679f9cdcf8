package io.aigw.config.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** The one gateway settings document (id {@code global}), seeded with the defaults. */
@Entity
@Table(name = "gateway_settings")
public class GatewaySettings {

    public static final String GLOBAL = "global";

    @Id
    public String id;

    /** The {@link GatewaySettingsDocument} as JSON. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "cast(document as text)", write = "cast(cast(? as text) as jsonb)")
    public String document;

    /** Grows by one per committed change, under a row lock (like configurations). */
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
