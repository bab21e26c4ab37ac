/** Parts of the console's data tables. */

/** A wide table that scrolls sideways on a small screen: a named region a keyboard can focus to scroll it. */
export function ScrollTable({ label, children }: { label: string; children: JSX.Element }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex="0">
      {children}
    </div>
  );
}

/** A table's head: one row of column headers. */
export function HeadRow({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((l) => (
          <th scope="col" safe>
            {l}
          </th>
        ))}
      </tr>
    </thead>
  );
}
