package org.alos2ingest.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alos2ingest.fetch.Auig2Orders;
import org.alos2ingest.fetch.Auig2Source;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.SourceTypes;
import org.alos2ingest.jobs.JobSpec;

/**
 * One AUIG2 account: each order that has become ready for download is a new file. An order not ready
 * yet is not recorded, so it is new on the poll that finds it ready. Chosen by {@code --auig2-user},
 * the option that names the account's login for every command.
 */
final class Auig2Watch implements WatchedSource {

    static final WatchedSourceKind KIND = new WatchedSourceKind() {
        @Override
        public String name() {
            return "auig2";
        }

        /** None of its own: {@code --auig2-user} (a service option of every fetching command) chooses it. */
        @Override
        public List<Option> options() {
            return List.of();
        }

        @Override
        public List<WatchedSource> sources(Map<String, List<String>> given, FetchConfig config) {
            return config.settings(Auig2Source.TYPE.name()).user().isPresent() ? List.of(new Auig2Watch(config)) : List.of();
        }
    };

    private final FetchConfig config;
    private final Auig2Orders orders;

    Auig2Watch(FetchConfig config) {
        this.config = config;
        this.orders = new Auig2Orders(config);
    }

    @Override
    public String describe() {
        return orders.describe();
    }

    @Override
    public List<WatchedFile> poll() {
        String type = Auig2Source.TYPE.name();
        Map<String, String> common = SourceTypes.serviceParams(Auig2Source.TYPE, config);
        String account = common.getOrDefault(SourceTypes.BASE_URL, "") + " " + common.getOrDefault("auig2_username", "");
        List<WatchedFile> out = new ArrayList<>();
        for (Auig2Orders.Order o : orders.list()) {
            if (!o.ready()) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>(common);
            params.put("auig2_orderid", o.id());
            out.add(new WatchedFile(type + " " + account + " " + o.id(), "AUIG2 order " + o.id() + (o.date().isBlank() ? "" : " of " + o.date()),
                    new JobSpec(type, JobSpec.nameOf(type, o.id()), params), Optional.empty()));
        }
        return out;
    }
}
