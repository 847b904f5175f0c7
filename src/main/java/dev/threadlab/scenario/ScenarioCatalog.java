package dev.threadlab.scenario;

import dev.threadlab.UserError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scenarios a user can run, by id, in the order the catalogue files list them. */
public final class ScenarioCatalog {
    private final Map<String, ScenarioEntry> byId;

    public ScenarioCatalog(Collection<ScenarioEntry> entries) {
        Map<String, ScenarioEntry> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.id(), e));
        this.byId = m;
    }

    public List<ScenarioEntry> entries() {
        return List.copyOf(byId.values());
    }

    public Optional<ScenarioEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The entry, or a user error that lists the ids there are. */
    public ScenarioEntry get(String id) {
        ScenarioEntry e = byId.get(id);
        if (e == null) {
            throw new UserError("unknown scenario '" + id + "' (known: " + String.join(", ", byId.keySet())
                    + "; see threadlab list)");
        }
        return e;
    }

    /** This catalogue with another's entries added; an entry with an id already here replaces it in place. */
    public ScenarioCatalog plus(ScenarioCatalog more) {
        List<ScenarioEntry> all = new ArrayList<>(byId.values());
        for (ScenarioEntry e : more.entries()) {
            int at = indexOf(all, e.id());
            if (at >= 0) {
                all.set(at, e);
            } else {
                all.add(e);
            }
        }
        return new ScenarioCatalog(all);
    }

    private static int indexOf(List<ScenarioEntry> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
