import { runSynth } from "./src/infra/app/synth-cli";

// `npm run synth` and the cdktf CLI's `app` (cdktf.json): see runSynth for what it prints and its exit codes.
process.exitCode = runSynth(process.argv.slice(2), {
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
