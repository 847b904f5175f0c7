package dev.threadlab.cli;

import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code threadlab list}: one scenario a line, its id first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the scenarios: one a line, its id, then what it shows.")
public final class ListCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Option(names = {"-p", "--params"}, description = "Also list each scenario's parameters, values and ranges.")
    boolean params;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioCatalog all = catalog.load();
        PrintWriter out = spec.commandLine().getOut();
        int width = all.entries().stream().mapToInt(e -> e.id().length()).max().orElse(0) + 2;
        for (ScenarioEntry e : all.entries()) {
            out.printf("%-" + width + "s%s%n", e.id(), e.title());
            if (params) {
                out.printf("    type: %s%n", e.type().name());
                int pw = e.type().params().stream().mapToInt(p -> p.name().length()).max().orElse(0) + 2;
                for (Map.Entry<String, Object> v : e.params().asMap().entrySet()) {
                    ParamSpec p = e.type().param(v.getKey()).orElseThrow();
                    out.printf("    %-" + pw + "s%-10s %s (%s)%n", p.name(), p.format(v.getValue()), p.help(),
                            p.describe());
                }
            }
        }
        out.flush();
        return 0;
    }
}
