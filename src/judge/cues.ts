// The English language cues the judgement is built from: word families as precompiled patterns.

/** Words that say what was wrong or what went wrong. */
export const PROBLEM_STRONG = /\b(?:fail(?:s|ed|ing|ures?)?|crash(?:es|ed|ing)?|broken|broke|breaks?|breakage|incorrect(?:ly)?|wrong(?:ly)?|bugs?|buggy|regression|leak(?:s|ed|ing|age)?|deadlocks?|race(?: condition)?s?|hang(?:s|ing)?|flak(?:y|ey|iness)|npes?|nullpointer\w*|null pointer|overflows?|corrupt\w*|vulnerab\w+|cve-\d+|insecure|unsafe|misbehav\w*|infinite loop|out of memory|oom|panic(?:s|ked)?|segfault\w*|use[- ]after[- ]free|double[- ]free|(?:null|nil) (?:pointer )?deref\w*|out[- ]of[- ]bounds|underflows?|(?:does|do|did|could|would|is|are|was|were|has|have)(?:n't| not)|can(?:'t|not| not)|won't|never|not (?:work\w*|found|supported|compatible|set|thread-safe|available|allowed|possible)|unable|impossible|bogus|nonsense|glitch\w*|lost|loses?|losing|stuck|freez(?:e|es|ing)|froze|frozen|stall(?:s|ed|ing)?|(?:timed|times) out|hung)\b/i;

/** Words that often go with a problem but also name ordinary things ("error message"). */
export const PROBLEM_WEAK = /\b(?:exceptions?|errors?|erroneous|throws?|thrown|warnings?|violations?|issues?|problems?|invalid|unexpected(?:ly)?|unstable|inconsisten(?:t|cy|cies)|mismatch\w*|confus(?:ing|ed|ion)|ambiguous|timeouts?|slow(?:er|ness|ly)?|expensive|costly|bottleneck|ugly|awkward|hacky|workaround|missing|unused|dead|obsolete|redundant|duplicat(?:e|ed|es|ion)|unnecessar(?:y|ily)|needless(?:ly)?|outdated|stale|deprecated|legacy|old)\b/i;

/**
 * Causal connectives: the message states a reason or a consequence. "since" gives one only
 * before a clause ("since the cache is shared"): before a point in time, a version or a commit
 * ("since 2.30", "since Git v1.6.0", "since commit abc1234 (…)", "since e83c516", "ever since
 * …") it tells when, not why, unless a verb makes the point a clause's subject ("since Git 2.0
 * is nearly here", "since 2.30 changed the default").
 */
// "so" is matched before the lookbehind that checks what precedes it, and a version's start is
// never inside another version: otherwise every position of a long run of blanks or of "1.1.1…"
// reads the whole run again (a quadratic cost the commit-msg hook, which has no size limit,
// would pay). Matching "so" first is also less than half the cost over git.git's messages. The
// leading \b changes no match (the lookbehind already wants a space or the start before "so"):
// it lets the body's scan run the pattern at word starts only (FamilyScanner).
export const CAUSAL = /\bso,? (?<=(?:^|[,;] |[.!?]\s+)so,? )(?!(?:far|much|many|that's|it's|on|forth|long|what)\b)(?=\w)|\b(?:because|as (?:\S+ ){0,4}(?:was|were|is|are|has|had|have|does|did|doesn't|isn't|wasn't|aren't|weren't|don't|didn't|hasn't|haven't|won't|can't|cannot|will|no longer)\b(?! (?:well|follows|shown|described|expected|before|above|below))|(?<!-|\bever )since (?!(?:[\w-]+ (?=v?\d+\.\d))?[`'"(]?(?:v?\d|rc\d|(?=[a-f]*\d)[0-9a-f]{7,40}\b)[\w.~^-]*(?![\w.~^-])(?! (?:is|are|was|were|has|have|had|will|does|did|doesn't|didn't|no longer|now|changed|removed|dropped|added|made|introduced|requires?|needs?|uses?|ships?|switched|moved)\b)|version|the (?:last|first|previous (?:commit|release|version|patch|step)|introduction|inception|beginning|very (?:first|beginning|start))|its (?:introduction|inception)|then|we last|commit\b|(?:last|early|late|mid) |yesterday|forever|long ago)|so that|in order (?:to|for)|otherwise|due to|caused by|causes?d?\b|which (?:caused|causes|led|leads|meant|means|made|makes|resulted|results)|lead(?:s|ing)? to|led to|results? in|resulting in|thus|therefore|hence|consequently|as a result|the reason|the problem is|the issue is|this is why|that's why|that is why|for (?:backward|backwards|better|binary|source)? ?compatib\w+|for consistency|for performance|for clarity|for readability|for safety|for security|for (?:[\w-]+ ){0,2}compliance|to comply with)\b/i;

/** Purpose clauses: what the change is for. */
export const PURPOSE = /\b(?:to (?:avoid|prevent|allow|support|enable|ensure|make sure|fix|solve|resolve|address|reduce|improve|simplify|speed up|help|match|reflect|comply|conform|honou?r|keep|stop|get rid of|work around|accommodate|facilitate|guarantee|protect|unblock|decouple|eliminate|minimi[sz]e|maximi[sz]e|avoid|be able|let|permit|handle|catch|detect|clarify|increase|decrease|save|free)|so (?:we|you|users?|callers?|clients?|that|it|they|developers?|people) (?:can|could|don't|do not|won't|will|no longer|may|need)|make[s]? it (?:possible|easier|harder|clear|simpler)|makes? (?:\w+ ){0,3}(?:easier|simpler|safer|faster|clearer|possible|consistent|more \w+)|this (?:allows|lets|enables|means|makes|helps|gives|avoids|prevents|ensures)|allows? (?:us|users?|callers?|clients?|people|developers?|you) to|lets? (?:us|users?|callers?|clients?|you|people)|in hopes?|in preparation for|preparing for|for (?:the sake of|future|later)|needed (?:for|by|to|when|because)|required (?:for|by|to|when)|is needed|are needed|was needed|is required|are required|needs? to|have to|has to|must|should(?:n't| not)?|want(?:s|ed)? to|would like|we need|useful|helpful|benefit\w*|goal|purpose|intention|motivation|rationale|recommend\w*|better|cleaner|simpler|safer|faster|easier|more (?:robust|readable|consistent|efficient|reliable|accurate|flexible|predictable|secure|precise|idiomatic|explicit|obvious|maintainable))\b/i;

/**
 * History: how things were before, or how they are now, as a contrast. "used to" after a form
 * of "be" or "get" is a passive of "use" ("the constant was used to hold the length").
 */
export const HISTORY = /\b(?:previously|currently|before this|prior to this|until now|up to now|so far|(?<!(?:\b(?:is|are|was|were|be|been|being|get|gets|got|isn't|aren't|wasn't|weren't)|['\u2019](?:s|re))\s+(?:(?:only|also|not|just|then|still|now|\w+ly)\s+)?)used to|at the moment|as-is|at present|right now|no longer|anymore|any more|the old|the previous|the current|existing (?:code|behaviou?r|implementation)|originally|historically|in the past|recently|(?:was|were|is|are) (?:being|only|always|never|still|now|already))\b/i;

/** Conditions and effects that describe a failure scenario. */
export const SCENARIO = /\b(?:when(?:ever)?|if|without (?:this|it|the)|with this (?:change|patch|commit)|in (?:some|certain|rare) cases|under (?:load|some)|on (?:windows|android|macos|linux|jdk \d+|java \d+))\b/i;

/** Self-justifying change kinds (the dataset's "common sense" reasons). */
export const EVIDENT_TYPO = /\b(?:typos?|typo-?fix(?:es)?|spelling|spelt|misspel\w*|grammar\w*|grammatical|wording|punctuation|proofread\w*|pluralization|pluralisation|capitalization|capitalisation)\b/i;
export const EVIDENT_FORMAT = /\b(?:re-?format\w*|format(?:ting|ted)?|white-?space|indent\w*|code ?style|style|checkstyle|lint(?:ing|er)?|spotless|prettier|imports?|camel ?case|line length|\d+-char|trailing spaces?|tabs?)\b/i;
export const EVIDENT_RELEASE = /\b(?:releas(?:e|es|ed|ing)|prepar(?:e|es|ed|ing) (?:for |version |release |the )?(?:v?\d|next|release|maven|\w+ release)|development (?:version|iteration)|next (?:version|iteration)|snapshot (?:versions?|builds?|releases?|repositor(?:y|ies)|dependenc(?:y|ies)|artifacts?)|changelog|change-log|release ?notes|version (?:to |bump|number|v?\d)|bump(?:ed|s)? (?:the )?(?:\w+ )?(?:version|revision)|(?:version|revision) (?:back )?to|(?<!\d\.?)v?\d+\.\d+(?:\.\d+)*[-.](?:final|rc\d*|beta\d*|alpha\d*|m\d+|snapshot|release)|(?<!\d\.?)\d+(?:\.\d+)+ final)\b/i;
/** Maven's version suffix, in capitals as Maven writes it ("Bump version back to SNAPSHOT"); "a snapshot of the state" is no release. */
export const SNAPSHOT_VERSION = /\bSNAPSHOT\b/;
/**
 * What "Release" as a summary's verb releases when it is a release: nothing, a version, or a
 * release thing ("Release 1.2", "Release notes", "Release to Maven Central", "Release of v2").
 * "Release lock before calling hooks" frees a resource instead.
 */
export const RELEASED_OBJECT = /^(?:(?:the|a|new|next|first|final|initial|our) )?(?:v?\d|versions?\b|notes\b|candidates?\b|plugin\b|branch\b|builds?\b|artifacts?\b|jars?\b|packages?\b|binar(?:y|ies)\b|of\b|for\b|to\b|on\b|process\b|scripts?\b|\W*$)/i;
export const VERSION_NUMBER = /(?:^|[\s(@:=v-])\d+\.\d+(?:\.\d+)*(?:[-.][\w.]+)?/i;
export const EVIDENT_DOCS = /\b(?:docs?|documentation|document(?:s|ed|ing)?|javadocs?|kdoc|dokka|readme(?:\.\w+)?|contributing(?:\.md)?|changelog|faq|license|licen[cs]e headers?|notice|contributors?|acknowledg\w+|logo|code of conduct|release notes)\b/i;
/** Documentation-like objects that are also ordinary code words ("links", "samples", "comments"). */
export const EVIDENT_DOCS_WEAK = /\b(?:comments?|links?|examples?|samples?|website|site|guide|tutorial|wiki|manual)\b/i;
export const EVIDENT_TESTS = /\b(?:tests?|unit tests?|test cases?|ut|coverage|testing|integration tests?)\b/i;
export const EVIDENT_DEPENDENCY = /\b(?:upgrad|updat|bump|downgrad|drop(?:ped|s)? back|roll(?:ed|s)? back)\w* (?:(?:the )?[\w.@/:-]+ ){0,4}(?:to |from [\w.@-]+ to )?(?:v?\d+(?:\.\d+)+|(?:the )?latest(?: version)?)|\b(?:upgrad|updat|bump)\w* (?:(?:the|all|test|build|maven|gradle|npm|some|\w+) )?(?:dependenc(?:y|ies)|deps|plugins?)\b/i;

/** Self-explaining adjectives for removals and additions ("Remove unused X", "Add missing Y"). */
export const EVIDENT_CLEANUP = /\b(?:remove|delete|drop|clean|strip|get rid of)\w* (?:(?:the|an?|some|all|more|obviously|now) )*(?:unused|dead|obsolete|redundant|duplicat\w*|unnecessary|unneeded|superfluous|needless|old|stale|outdated|leftover|orphan\w*|empty|extra|useless|incorrect|wrong|broken|bogus|invalid|commented[- ]out)\b|\b(?:add|insert|restore)\w* (?:(?:the|an?|some|all|more|obviously|two|three|four|five|several|few|\d+) )*missing\b|\b(?:clean\s?up|cleanups?|tidy|housekeeping)\b/i;

/**
 * Verbs that say a problem was fixed ("Fix …", "Resolve …"), or worked around ("Plug memory leak
 * in …", "Unbreak ls-files -i", "Work around a bug in …"). "work around" is one verb of two words:
 * readSummary reads it where a summary starts with it; a single word is never that lemma.
 */
export const FIX_VERBS = new Set([
  "fix", "bugfix", "hotfix", "resolve", "solve", "repair", "workaround", "correct", "address", "patch",
  "plug", "unbreak", "un-break", "refix", "re-fix", "rectify", "mitigate", "sidestep", "side-step", "work-around", "work around",
]);

/** Verbs that name a change to the code or the project. */
export const CHANGE_VERBS = new Set([
  // User-facing and security work ("Highlight the current line", "Redact tokens in debug logs").
  "highlight", "surface", "emphasize", "emphasise", "persist", "toggle", "unexport", "redact",
  "subscribe", "unsubscribe", "advertise", "infer", "precompute", "evaluate", "execute", "spawn", "attach",
  "reattach", "mute", "unmute", "capitalize", "rotate", "resize", "unmount", "uncomment", "authenticate",
  "authorize", "encrypt", "decrypt", "colorize", "colourize",
  "add", "remove", "delete", "drop", "use", "replace", "move", "rename", "introduce", "support", "allow",
  "make", "change", "update", "upgrade", "bump", "downgrade", "convert", "migrate", "refactor", "extract",
  "implement", "expose", "deprecate", "simplify", "improve", "enable", "disable", "set", "skip", "ignore",
  "avoid", "ensure", "handle", "document", "clarify", "restore", "revert", "switch", "split", "merge",
  "consolidate", "reduce", "increase", "limit", "include", "exclude", "prefer", "favor", "favour",
  "propagate", "honor", "honour", "validate", "check", "cache", "reuse", "pass", "return", "throw",
  "register", "wrap", "inline", "optimize", "optimise", "polish", "clean", "cleanup", "reformat", "format",
  "adjust", "tweak", "apply", "create", "generate", "write", "test", "prepare", "release", "publish",
  "build", "run", "call", "catch", "close", "start", "stop", "reject", "accept", "treat", "trim", "strip",
  "sort", "keep", "store", "load", "read", "parse", "print", "log", "emit", "send", "show", "hide",
  "display", "define", "declare", "initialize", "initialise", "init", "reset", "clear", "lower", "raise",
  "tighten", "relax", "unify", "share", "centralize", "centralise", "separate", "seperate", "decouple",
  "isolate", "inject", "mark", "flag", "annotate", "configure", "provide", "offer", "let", "permit",
  "forbid", "prevent", "retry", "repackage", "rewrite", "rework", "restructure", "reorganize",
  "reorganise", "organize", "organise", "shorten", "speed", "tidy", "backport", "port", "adopt",
  "assert", "verify", "bind", "map", "wire", "hook", "specify", "tag", "encode", "decode", "escape",
  "normalize", "normalise", "collapse", "flush", "lock", "unlock", "sync", "synchronize", "defer",
  "delay", "mock", "fetch", "copy", "append", "prepend", "insert", "extend", "override", "finish",
  "complete", "finalize", "translate", "localize", "link", "pin", "unpin", "vendor", "import", "export",
  "install", "uninstall", "deploy", "automate", "try", "attempt", "bypass", "guard", "protect",
  "sanitize", "cap", "instrument", "measure", "track", "record", "report", "warn", "enhance", "modify",
  "edit", "reword", "rephrase", "correct", "recognize", "detect", "accept", "require", "invoke",
  "consume", "close", "declare", "merge", "squash", "embed", "include", "mention", "explain",
  "describe", "list", "bring", "get", "put", "turn", "give", "take", "open", "reopen", "resume",
  "shut", "shutdown", "teach", "stub", "fake", "reorder", "sort", "group", "ungroup", "collect",
  "gather", "compute", "calculate", "count", "limit", "throttle", "buffer", "stream", "serialize",
  "deserialize", "unwrap", "simplify", "generalize", "specialize", "parameterize", "parametrize",
  "rename", "relocate", "hoist", "lift", "promote", "demote", "downgrade", "rollback", "roll",
  "unset", "default", "fallback", "publish", "upload", "download", "sign", "verify", "cherry-pick",
  "regenerate", "reimplement", "reintroduce", "re-enable", "re-add", "readd", "undo", "redo",
  "remove", "retain", "preserve", "mention", "note", "deduplicate", "dedupe", "cleanup",
  "adapt", "align", "allocate", "amend", "bake", "beef", "bundle", "clamp", "combine", "compare",
  "compile", "compose", "connect", "consider", "construct", "contain", "continue", "degrade", "deliver",
  "derive", "destroy", "detach", "differentiate", "dispatch", "dispose", "distinguish", "divide", "drain",
  "enforce", "enqueue", "evict", "expand", "expect", "fill", "find", "fold", "follow", "force", "forget",
  "harden", "harmonize", "harmonise", "inherit", "intercept", "invalidate", "iterate", "join", "kill",
  "launch", "leverage", "listen", "loosen", "maintain", "minimize", "minimise", "mv", "rm", "narrow",
  "notify", "obtain", "omit", "opt", "overhaul", "overload", "paginate", "parallelize", "populate",
  "preallocate", "prefetch", "preload", "prune", "purge", "qualify", "quote", "randomize", "rearrange",
  "rebase", "rebuild", "reconfigure", "recover", "recycle", "redirect", "refine", "reflect", "refresh",
  "reindent", "reload", "remap", "remember", "render", "repeat", "reserve", "respect", "restrict",
  "retire", "revise", "revisit", "shrink", "shuffle", "silence", "slim", "stabilize", "stabilise",
  "streamline", "strengthen", "submit", "substitute", "suppress", "swap", "tolerate", "transform",
  "trigger", "truncate", "unignore", "unregister", "wait", "widen",
  "demonstrate", "disallow", "eliminate", "modernize", "modernise", "squelch", "recommend", "revamp", "tell",
  "obey", "produce", "standardize", "standardise", "reverse", "circumvent",
  // git's idiom of teaching a command ("blame: learn to …", "write-tree: refuse to …", "cope with …").
  "learn", "refuse", "cope", "disambiguate", "accommodate", "reinstate", "untangle", "integrate",
  "libify", "lib'ify", "factorize", "factorise", "encapsulate", "canonicalize", "canonicalise",
  "rationalize", "rationalise", "flatten", "anonymize", "anonymise", "unquote", "rewrap", "prettify",
  "reencode", "re-encode", "utilize", "utilise", "retrieve", "diagnose", "terminate", "micro-optimize",
  "heed", "special-case", "encourage", "discourage", "illustrate",
]);

/**
 * Verbs of code changes that are as often nouns or adjectives at a sentence start ("Round trips
 * are slow", "Free memory is low", "Batch jobs time out"): they say what a change does only as an
 * order with an object ("Free the buffer …", "Cancel the timer …"), and are no change verbs for
 * the fitted model.
 */
export const ORDER_ONLY_VERBS = new Set([
  "cancel", "expire", "bust", "free", "debounce", "memoize", "memoise", "fit", "route", "sniff",
  "prefix", "lowercase", "uppercase", "subtract", "freeze", "unfreeze", "batch", "coalesce",
  "unescape", "pad", "round", "clip", "chunk", "dedup", "rethrow", "discard", "factor", "resurrect", "lose",
  "abstract", "error", "exit", "die", "abort", "fall", "spell", "quiet", "bail", "exercise", "pick", "complain",
]);

/** Summary words that carry no specific information about the change. */
export const VAGUE_WORDS = new Set([
  "polish", "polishing", "polished", "format", "formatting", "formatted", "cleanup", "clean", "cleaned",
  "up", "wip", "checkpoint", "change", "changes", "changed", "stuff", "thing", "things", "update",
  "updates", "updated", "fix", "fixes", "fixed", "fixing", "misc", "miscellaneous", "minor", "tweak",
  "tweaks", "small", "some", "more", "various", "work", "progress", "temp", "tmp", "demo", "demos",
  "code", "review", "feedback", "comments", "refactor", "refactoring", "improvement", "improvements",
  "improve", "cleanups", "it", "this", "that", "the", "a", "an", "and", "of", "to", "in", "for",
  "on", "all", "latest", "again", "bug", "bugs", "issue", "issues", "commit", "merge", "merged",
  "weird", "whitespace", "whitespaces", "other", "stuffs", "done", "ok", "okay", "try", "trying",
  "attempt", "test", "tests", "testing", "save", "saving", "final", "initial", "first", "second",
  "apply", "applied", "applying", "address", "addressed", "addressing", "per", "from", "with", "by",
  "response", "suggestions", "suggested", "requested", "pr", "mr", "patch", "patches", "version",
  "build", "ci", "lint", "style", "typo", "typos", "docs", "doc", "readme", "sync", "cleaning",
  "minor", "tidy", "tidying", "workaround", "hack", "quick", "fixup", "squash", "amend", "revert",
  "oops", "again", "another", "contribution", "contributions", "bits", "parts", "pieces", "cleanup", "nits", "nit", "one", "two", "2", "3", "1", "v2", "part", "step", "more", "less",
]);

/** Auxiliaries and copulas: a summary built on them states a fact rather than naming a change. */
export const STATE_VERB = /\b(?:is|are|was|were|isn't|aren't|wasn't|weren't|should(?:n't)?|must|can(?:not|'t)?|could(?:n't)?|does(?:n't)?|do(?:n't)?|did(?:n't)?|has(?:n't)?|have(?:n't)?|needs?|will|won't|may|might)\b/i;

/** A body sentence that describes what the change does or how. */
export const CHANGE_DESCRIPTION = /\b(?:this (?:commit|change|patch|pr|pull request|mr|cl|fix|refactoring|update|version|release)|the (?:fix|change|patch|solution|new (?:\w+ )?(?:option|method|class|function|api|flag|property|setting)) (?:is|was|adds?|makes?|uses?|moves?|removes?|replaces?|changes?|introduces?|ensures?|enforces?|switches|allows?)|(?:this|it|we) (?:now|also|instead)|instead of|rather than|in favou?r of|replac(?:e|es|ed|ing) (?:\w+ ){0,5}(?:with|by)|(?:is|are) now|now (?:uses?|returns?|throws?|supports?|allows?|checks?|handles?|accepts?|rejects?|calls?|passes|creates?|has|is|are|only|always|never)|also\b|switch(?:es|ed)? (?:\w+ ){0,4}to|moves? (?:\w+ ){0,4}(?:to|into|from)|changes? (?:\w+ ){0,4}(?:to|from)|we (?:(?:simply|just|instead|therefore|then|here|now) )?(?:add|remove|use|change|move|replace|introduce|make|switch|now|also|keep|only|pass|return|call|drop|split|extract|implement|create|register|install|rename|update|(?:set|wire|hook|clean) up)|i(?:'ve| have)? (?:added|removed|changed|replaced|moved|introduced|made|used|switched|updated|implemented|extracted|renamed)|by (?:\w+ing|using|adding|removing|making|moving|replacing|introducing|calling|checking|passing|returning|changing|setting))\b/i;
