package org.frontline.sourcedata;

/** Runs {@link Tooling} from a plain JVM (scripts, load tests), without the application. */
final class ToolingMain {

    private ToolingMain() {
    }

    public static void main(String[] args) {
        System.exit(Tooling.run(args));
    }
}
