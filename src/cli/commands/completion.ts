import yargs, { type CommandModule } from 'yargs';

/**
 * `cmlsh completion`: prints the bash/zsh script that makes the shell ask
 * `cmlsh --get-yargs-completions WORDS...` on Tab (answered in complete.ts). A command of
 * its own rather than yargs' `.completion()`, which prints the script even for `--help`.
 */
export const completionCommand: CommandModule<object, object> = {
  command: 'completion',
  describe: 'Print a bash/zsh completion script (cmlsh completion >> ~/.bashrc)',
  builder: (y) =>
    y.example([
      ['$0 completion >> ~/.bashrc', 'Tab completes commands, flags and operation names in bash'],
      ['$0 completion >> ~/.zshrc', 'The same in zsh (SHELL or ZSH_NAME says zsh)'],
    ]),
  handler: () => {
    yargs([]).scriptName('cmlsh').showCompletionScript();
  },
};
