package org.alos2ingest.jobs;

import java.util.function.Consumer;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;

/**
 * Whether a worker's connection to its broker is up, said in the worker's log when it is lost and
 * when it is back. While it is down, jobs already running go on (their acknowledgements are lost,
 * so the broker gives them out again and their datasets are found cataloged), and a worker that
 * exits when idle does not count the outage as idle time: it cannot know that the queue is empty.
 */
final class BrokerLink {

    private volatile boolean up = true;

    private BrokerLink() {
    }

    /**
     * @param back called once the connection, its channels and its subscription are restored
     */
    static BrokerLink watch(Connection connection, BrokerAddress address, Consumer<String> say, Runnable back) {
        BrokerLink link = new BrokerLink();
        connection.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication()) {
                link.up = false;
                say.accept("lost broker " + address + " (" + RabbitMqJobQueue.Errors.message(cause)
                        + "); reconnecting, running jobs go on");
            }
        });
        if (connection instanceof Recoverable r) {
            r.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recoverable) {
                    link.up = true;
                    say.accept("reconnected to broker " + address + "; taking jobs again");
                    back.run();
                }

                @Override
                public void handleRecoveryStarted(Recoverable recoverable) {
                    // said when the connection was lost
                }
            });
        }
        return link;
    }

    boolean up() {
        return up;
    }
}
