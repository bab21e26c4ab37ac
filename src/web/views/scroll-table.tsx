import type { Children } from '@kitajs/html';

/**
 * A captioned record table that scrolls sideways inside its own region on a narrow screen; the region
 * is named by the caption and reachable with the keyboard (so it can be scrolled without a mouse).
 */
export function ScrollTable({ id, caption, columns, tableClass = 'data', children }: { id: string; caption: string; columns: string[]; tableClass?: string; children: Children }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabindex="0">
      <table class={tableClass} id={id}>
        <caption id={`${id}-caption`} safe>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" safe>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
