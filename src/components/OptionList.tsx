/** The `<option>`s of a select in an island, each a value and the words shown for it. */
export type Choice = readonly [value: string | number, label: string | number];

export default function OptionList({ choices }: { choices: readonly Choice[] }) {
  return choices.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
