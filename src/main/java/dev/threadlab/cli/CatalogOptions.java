package dev.threadlab.cli;

import dev.threadlab.config.CatalogLoader;
import dev.threadlab.scenario.ScenarioCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config FILE}: scenario files added to the default catalogue. */
public final class CatalogOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "A scenario file to add to the default catalogue (repeatable; an entry with an existing id replaces it).")
    List<Path> files = new ArrayList<>();

    public ScenarioCatalog load() {
        return CatalogLoader.load(files);
    }
}
