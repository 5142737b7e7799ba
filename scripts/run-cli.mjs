// `npm run cli -- ...` starts here. scripts/cli.ts run through tsx type-strips its ~200 source files
// on every run (≈4 s of CPU); instead it is bundled once with esbuild into one cached JS file (npm
// packages stay external, loaded from node_modules as usual), rebuilt only when one of the files it
// was built from, tsconfig.json or package-lock.json changed since. A warm start is plain
// `node` on one file. Plain JavaScript on purpose: this file must run before anything is compiled.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const entry = path.join(root, "scripts/cli.ts");
const cacheDir = path.join(root, "node_modules/.cache/clio-cli");
/** The current build: { dir, inputs }, written last, so its mtime is the build's time. */
const manifestFile = path.join(cacheDir, "manifest.json");
const ALWAYS_WATCHED = ["tsconfig.json", "package-lock.json"];

function mtimeOf(file) {
  try {
    return fs.statSync(path.resolve(root, file)).mtimeMs;
  } catch {
    return Infinity; // gone or renamed: rebuild
  }
}

/** The current build's directory, or null when there is none or a file it was built from changed since. */
function currentBuild() {
  let built, manifest;
  try {
    built = fs.statSync(manifestFile).mtimeMs;
    manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  } catch {
    return null;
  }
  if (!fs.existsSync(path.join(cacheDir, manifest.dir, "cli.js"))) return null;
  return [...manifest.inputs, ...ALWAYS_WATCHED].some((file) => mtimeOf(file) > built) ? null : manifest.dir;
}

async function build() {
  const esbuild = await import("esbuild");
  // A directory per build, named in the manifest only once complete: two runs building at once, or a
  // run still loading chunks of the previous build, never see half a build.
  const dir = `build-${Date.now()}-${process.pid}`;
  const result = await esbuild.build({
    entryPoints: { cli: entry },
    outdir: path.join(cacheDir, dir),
    bundle: true,
    // Chunks: a command's dynamic import() (the generator, and its NLP library, ≈0.4 s to load) is
    // loaded only by the command that needs it, as under tsx.
    splitting: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    absWorkingDir: root,
    metafile: true,
    logLevel: "warning",
  });
  const previous = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, "utf8")).dir : null;
  const temp = `${manifestFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ dir, inputs: Object.keys(result.metafile.inputs) }));
  fs.renameSync(temp, manifestFile);
  // Older builds go, except the one before this (a run started earlier may still load its chunks).
  for (const old of fs.readdirSync(cacheDir))
    if (old.startsWith("build-") && old !== dir && old !== previous)
      fs.rmSync(path.join(cacheDir, old), { recursive: true, force: true });
  return dir;
}

const dir = currentBuild() ?? (await build());
await import(pathToFileURL(path.join(cacheDir, dir, "cli.js")).href);
