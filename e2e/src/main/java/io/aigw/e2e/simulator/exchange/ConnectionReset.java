package io.aigw.e2e.simulator.exchange;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/** Drops a connection with a TCP reset (SO_LINGER 0) so the client sees an abrupt failure, not a clean end. */
final class ConnectionReset {

    private ConnectionReset() {
    }

    static void reset(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            Channel channel = base.channel();
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        } else {
            connection.close();
        }
    }
}
