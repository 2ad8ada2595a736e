package org.frontline.console;

import org.frontline.sourcedata.Walkthrough;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The officer console in a real browser: Debian's chromium, headless, driven through Debian's
 * chromium-driver (both named explicitly, so that Selenium Manager never downloads anything), against
 * the packaged demo started as a process of its own (as the README starts it, with fewer synthetic
 * persons). Each test signs in as a person would, by the forms, and reads the page as an officer
 * would: the banner, the action, the warnings, the per-source progress, the audit list. Every test ends
 * with the browser's log free of SEVERE entries (a script error, a failed load, a CSP violation).
 * Screenshots of the main screens go to {@code target/console-*.png}.
 */
class ConsoleIT {

    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(30);

    /** GCCPOL's wanted circular, restricted to Saudi and Emirati officers with SECRET clearance (README). */
    private static final String RESTRICTED_NAME = Walkthrough.RESTRICTED_FIRST_NAME + " " + Walkthrough.RESTRICTED_FATHER_NAME
            + " " + Walkthrough.RESTRICTED_GRANDFATHER_NAME + " " + Walkthrough.RESTRICTED_FAMILY_NAME;

    private static DemoInBrowser demo;
    private static String base;
    private static ChromeDriver browser;

    @BeforeAll
    static void startTheDemoAndTheBrowser() throws Exception {
        demo = DemoInBrowser.start("console-demo");
        base = demo.base;
        browser = demo.browser;
    }

    @AfterAll
    static void stopTheBrowserAndTheDemo() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @BeforeEach
    void freshPage() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(base + "/");   // a reload: the token lived in the old page's memory only
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
                "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-demo-checked")));
        severe();   // drained: each test answers for its own entries
    }

    @AfterEach
    void noBrowserErrors() {
        List<LogEntry> severe = severe();
        assertTrue(severe.isEmpty(), "the browser logged no errors (scripts, loads, CSP): " + severe);
    }

    @Test
    void theStolenPassportIsAHitToSeizeAndEverySourceReportsBeforeTheAnswer() throws Exception {
        signInAs("deu-secret");
        screenshot("console-signed-in");
        tab("document");
        recordTheOrderOfProgressAndAnswer();
        fill("document-number", Walkthrough.STOLEN_PASSPORT_NUMBER);
        fill("document-country", "FRA");
        fill("document-purpose", "border control, entry");
        submit("form-document");
        WebElement banner = awaitBanner();
        assertEquals("HIT", banner.getDomAttribute("data-outcome"));
        assertEquals("SEIZE", banner.getDomAttribute("data-action"));
        assertTrue(banner.getText().contains("Action: SEIZE"), banner.getText());
        List<WebElement> sources = browser.findElements(By.cssSelector("#progress li"));
        assertEquals(demo.sourcesAsked(), sources.size(), "one line per source: " + texts(sources));
        assertTrue(texts(sources).stream().allMatch(s -> s.contains("OK")), "every source answered: " + texts(sources));
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) js().executeScript("return window.__order;");
        assertEquals("answer", order.get(order.size() - 1), "the answer comes last: " + order);
        assertEquals(demo.sourcesAsked(), order.indexOf("answer"), "every source's status was on the page before the answer: " + order);
        assertTrue(text("answer").contains("Contact point"), "the contact point that confirms the hit: " + text("answer"));
        assertFalse(browser.getCurrentUrl().contains(Walkthrough.STOLEN_PASSPORT_NUMBER), "nothing searched in the URL");
        assertFalse(browser.getTitle().contains(Walkthrough.STOLEN_PASSPORT_NUMBER), "nothing searched in the title");
    }

    @Test
    void aScannedZoneAnswersItsDocumentAndItsHolderAndTheStolenPassportIsToSeize() throws Exception {
        signInAs("fra-border");
        tab("mrz");
        fill("mrz-zone", "P<FRAMARTIN<<CLAIRE<<<<<<<<<<<<<<<<<<<<<<<<<\nP4471902<8FRA9003141F3006014<<<<<<<<<<<<<<<8");
        fill("mrz-purpose", "border control, entry");
        submit("form-mrz");
        awaitBanner();
        WebElement document = browser.findElement(By.cssSelector("[data-testid=part-document] [data-testid=banner]"));
        assertEquals("HIT", document.getDomAttribute("data-outcome"));
        assertEquals("SEIZE", document.getDomAttribute("data-action"));
        assertTrue(browser.findElement(By.cssSelector("[data-testid=part-holder]")).getText().startsWith("Holder"),
                "the holder part is answered too");
        List<String> sources = texts(browser.findElements(By.cssSelector("#progress li")));
        assertTrue(sources.stream().anyMatch(s -> s.startsWith("document · ")) && sources.stream().anyMatch(s -> s.startsWith("holder · ")),
                "each source's status names its part: " + sources);
        assertTrue(text("answer").contains("MARTIN, CLAIRE"), "what was read from the zone: " + text("answer"));
    }

    @Test
    void theWantedPersonIsAHitToArrestAndTheOfficerSafetyWarningComesFirst() throws Exception {
        signInAs("deu-secret");
        fill("person-name", "Muhammad Al Rasheed");
        fill("person-dob", "1983-04-12");
        fill("person-purpose", "identity check");
        submit("form-person");
        WebElement banner = awaitBanner();
        assertEquals("HIT", banner.getDomAttribute("data-outcome"));
        assertEquals("ARREST", banner.getDomAttribute("data-action"));
        WebElement warnings = browser.findElement(By.cssSelector("[data-testid=answer] > [data-testid=warnings]"));
        assertTrue(warnings.getText().contains("ARMED"), warnings.getText());
        assertEquals("alert", warnings.getDomAttribute("role"), "announced at once to a screen reader");
        Boolean first = (Boolean) js().executeScript(
                "const a = document.querySelector('[data-testid=answer]'); return a.firstElementChild.dataset.testid === 'warnings';");
        assertTrue(first, "the warnings come before the banner");
        String answer = text("answer");
        assertTrue(answer.contains("Mohammed Al-Rashid") || answer.contains("AL RASHEED"), "the subject's names: " + answer);
        assertTrue(answer.contains("interpol") && answer.contains("europol"), "the sources of each value: " + answer);
        assertTrue(answer.contains("Reasons:"), "the reasons of the match: " + answer);
        double contrast = lowestContrast("h1, h2, label, button, .banner, .banner span, [data-testid=warnings], .message, .subject td,"
                + " .subject th, .swarn, .record, #progress li, .hint, .resolve");
        assertTrue(contrast >= 4.5, "every text on the answer screen passes WCAG AA (4.5:1): lowest " + contrast);
        screenshot("console-search");
    }

    @Test
    void aRecordThatKnowsOnlyTheYearIsShownBesideTheSubjectItMayBe() throws Exception {
        // this demo's world (seed 42, 300 persons per source): AMERIPOL and ASEANAPOL hold Camila Sanchez
        // Ramirez born 1967-05-01, Europol a Camila SÁNCHEZ born in 1967, day unknown: two subjects, and
        // each says it may be the other
        signInAs("deu-secret");
        searchPerson("Camila Sanchez Ramirez", "1967-05-01");
        awaitBanner();
        List<WebElement> doubts = browser.findElements(By.cssSelector("[data-testid=subject] [data-testid=maybe-same-as]"));
        assertEquals(2, doubts.size(), text("answer"));
        assertTrue(doubts.get(0).getText().startsWith("May be the same person as subject 2"), doubts.get(0).getText());
        assertTrue(doubts.get(1).getText().startsWith("May be the same person as subject 1"), doubts.get(1).getText());
    }

    @Test
    void theRestrictedCircularSaysContactGccpolToAGermanOfficerAndShowsTheRecordToASaudiOne() throws Exception {
        signInAs("deu-secret");
        searchPerson(RESTRICTED_NAME,
                Walkthrough.RESTRICTED_DATE_OF_BIRTH);
        WebElement german = awaitBanner();
        assertEquals("POSSIBLE_MATCH", german.getDomAttribute("data-outcome"));
        String seen = text("answer");
        assertTrue(seen.contains("contact GCCPOL"), "the German officer is told to contact GCCPOL: " + seen);
        assertFalse(seen.contains("GCC/2025"), "no alert of the circular for the German officer: " + seen);
        assertFalse(seen.contains("WANTED"), "no alert category either: " + seen);

        freshPage();
        signInAs("sau-secret");
        searchPerson(RESTRICTED_NAME,
                Walkthrough.RESTRICTED_DATE_OF_BIRTH);
        WebElement saudi = awaitBanner();
        assertEquals("HIT", saudi.getDomAttribute("data-outcome"));
        assertEquals("ARREST", saudi.getDomAttribute("data-action"));
        String shown = text("answer");
        assertTrue(shown.contains("WANTED FOR ARREST") && shown.contains(Walkthrough.RESTRICTED_FAMILY_NAME),
                "the Saudi officer sees the circular and the name: " + shown);
        assertTrue(text("answer").contains("VIOLENT"), "and its warning: " + shown);
    }

    @Test
    void theAuditorSeesTheSearchJustMadeAndAnIntactChain() throws Exception {
        String purpose = "console audit check " + UUID.randomUUID().toString().substring(0, 8);
        signInAs("deu-restricted");
        tab("vehicle");
        fill("vehicle-plate", "ABC 1234");
        fill("vehicle-country", "BRA");
        fill("vehicle-purpose", purpose);
        submit("form-vehicle");
        awaitBanner();

        freshPage();
        signInAs("auditor");
        assertTrue(browser.findElement(By.id("view-audit")).isDisplayed(), "an auditor starts in the audit view");
        fill("audit-officer", "console-deu-2");
        fill("audit-limit", "1");
        submit("audit-form");
        WebElement table = wait(ANSWER_LIMIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=audit-table]")));
        assertEquals(1, table.findElements(By.cssSelector("tbody tr")).size(), "a page of one");
        // the consultation is recorded before its answer (CONSULTED) and with it (ANSWERED): the next page holds the other
        click("audit-next");
        wait(ANSWER_LIMIT).until(d -> d.findElements(By.cssSelector("[data-testid=audit-table] tbody tr")).size() == 2);
        assertTrue(table.getText().contains("CONSULTED") && table.getText().contains("ANSWERED"), table.getText());
        assertTrue(table.getText().contains(purpose), "the search just made is in the log: " + table.getText());
        assertTrue(table.getText().contains("VEHICLE") && table.getText().contains("ameripol OK"), table.getText());
        click("audit-verify");
        WebElement verification = wait(ANSWER_LIMIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=verification]")));
        assertTrue(verification.getText().contains("Chain intact."), verification.getText());
        screenshot("console-audit");
    }

    @Test
    void aSearchCanBeMadeWithTheKeyboardAloneOnAPhoneSizedScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        freshPageKeepingSize();
        // from the top of the page: the tab order reaches the demo sign-in, the search form's fields in order
        tabUntil("demo-sign-in", 15);
        active().sendKeys(Keys.ENTER);
        wait(ANSWER_LIMIT).until(d -> !d.findElement(By.id("view-search")).isDisplayed() ? null : true);
        tabUntil("person-name", 15);
        assertEquals("solid", js().executeScript("return getComputedStyle(document.activeElement).outlineStyle;"),
                "the field reached by the keyboard shows its focus");
        active().sendKeys("Muhammad Al Rasheed" + Keys.TAB);
        assertEquals("person-dob", active().getDomAttribute("id"));
        active().sendKeys("1983-04-12" + Keys.TAB);
        assertEquals("person-nationality", active().getDomAttribute("id"));
        active().sendKeys(Keys.TAB);
        assertEquals("person-sex", active().getDomAttribute("id"));
        active().sendKeys(Keys.TAB);
        assertEquals("person-purpose", active().getDomAttribute("id"));
        active().sendKeys("identity check" + Keys.ENTER);
        WebElement banner = awaitBanner();
        assertEquals("ARREST", banner.getDomAttribute("data-action"));
        Number overflow = (Number) js().executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(overflow.intValue() <= 0, "nothing wider than the phone's screen: " + overflow + " px");
        screenshot("console-phone");
    }

    @Test
    void aRefusedSearchShowsTheProblemsDetailAndAMissingPurposeIsCaughtBeforeSending() throws Exception {
        signInAs("deu-secret");
        tab("document");
        fill("document-number", "Z0000000");
        fill("document-country", "DEU");
        submit("form-document");
        String missing = text("form-problem");
        assertTrue(missing.contains("Purpose (required, audited) is required."), missing);
        assertEquals("document-purpose", active().getDomAttribute("id"), "the focus is on the missing field");

        fill("document-country", "XQZ");
        fill("document-purpose", "border control");
        submit("form-document");
        WebElement problem = wait(ANSWER_LIMIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#form-problem .problem")));
        assertTrue(problem.getText().startsWith("400"), problem.getText());
        assertTrue(problem.getText().contains("issuingCountry"), "the field at fault is named: " + problem.getText());
        // the browser logs the 400 itself as a failed load: that one, and nothing else
        List<LogEntry> severe = severe();
        assertTrue(severe.stream().allMatch(e -> e.getMessage().contains("status of 400")), "only the 400: " + severe);
    }

    @Test
    void theConsolesResponsesCarryTheSecurityHeadersAndSwaggerUiStillLoads() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/console/app.js", "/console/console.css")) {
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, page.statusCode(), path);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")) {
                assertTrue(csp.contains(directive), path + ": " + directive + " in " + csp);
            }
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""),
                    path + ": fetched anew after an upgrade, never 'immutable' for a day");
        }
        HttpResponse<String> swagger = http.send(HttpRequest.newBuilder(URI.create(base + "/q/swagger-ui/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, swagger.statusCode());
        assertTrue(swagger.headers().firstValue("Content-Security-Policy").isEmpty(),
                "the console's policy would block Swagger UI's inline scripts: not applied there");
        screenshot("console-signin");
    }

    // ------------------------------------------------------------------ the officer's gestures

    private void signInAs(String preset) {
        assertTrue(browser.findElement(By.id("demo-signin")).isDisplayed(), "the demo was detected: profiles offered");
        new Select(browser.findElement(By.id("demo-preset"))).selectByValue(preset);
        click("demo-sign-in");
        wait(ANSWER_LIMIT).until(d -> d.findElement(By.id("nav")).isDisplayed());
    }

    private void searchPerson(String name, String dateOfBirth) {
        fill("person-name", name);
        fill("person-dob", dateOfBirth);
        fill("person-purpose", "identity check");
        submit("form-person");
    }

    private void tab(String form) {
        browser.findElement(By.cssSelector(".tab[data-form=" + form + "]")).click();
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void submit(String formId) {
        browser.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private WebElement awaitBanner() {
        return wait(ANSWER_LIMIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=banner]")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void recordTheOrderOfProgressAndAnswer() {
        js().executeScript("window.__order = [];"
                + "new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => window.__order.push(m.target.id === 'progress' ? 'source' : 'answer'))))"
                + ".observe(document.getElementById('progress'), {childList: true});"
                + "new MutationObserver(ms => ms.forEach(m => m.addedNodes.length && window.__order.push('answer')))"
                + ".observe(document.getElementById('answer'), {childList: true});");
    }

    private void tabUntil(String id, int most) {
        for (int i = 0; i < most; i++) {
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
            if (id.equals(active().getDomAttribute("id"))) {
                return;
            }
        }
        fail("the keyboard did not reach #" + id + " within " + most + " tabs");
    }

    private void freshPageKeepingSize() {
        browser.get(base + "/");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
                "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-demo-checked")));
        severe();
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private static WebDriverWait wait(Duration limit) {
        return new WebDriverWait(browser, limit);
    }

    private static JavascriptExecutor js() {
        return browser;
    }

    /**
     * The lowest WCAG 2.1 contrast ratio between the text colour and the (first opaque) background of the
     * visible elements matched, as the browser computed them.
     */
    private static double lowestContrast(String selector) {
        Number lowest = (Number) js().executeScript("""
                const rgb = s => s.match(/[\\d.]+/g).map(Number);
                const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
                    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const background = el => { for (let e = el; e; e = e.parentElement) {
                    const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c; }
                    return [255, 255, 255]; };
                let lowest = 21;
                for (const el of document.querySelectorAll(arguments[0])) {
                    if (!el.offsetParent || !el.textContent.trim()) continue;
                    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
                    lowest = Math.min(lowest, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
                }
                return lowest;""", selector);
        return lowest.doubleValue();
    }

    private static List<LogEntry> severe() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    /** The page from its top at the window's width, up to 2200 px high (the window is stretched for the shot). */
    private static void screenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        js().executeScript("window.scrollTo(0, 0);");
        long height = (Long) js().executeScript("return document.documentElement.scrollHeight;");
        int tall = (int) Math.min(2200, Math.max(size.getHeight(), height + 200));
        browser.manage().window().setSize(new Dimension(size.getWidth(), tall));
        try {   // the resize lands asynchronously; the shot waits for the viewport (at most a few seconds)
            new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> ((Long) js().executeScript(
                    "return window.innerHeight >= Math.min(document.documentElement.scrollHeight, 2000) ? 1 : 0;")) == 1L);
        } catch (org.openqa.selenium.TimeoutException shortShot) {
            // a shorter screenshot is still a screenshot
        }
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(size);
    }
}
