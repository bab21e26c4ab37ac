import type { UploadKind } from '../../storage/ports.ts';
import type { PageContext } from '../../web/views/page-context.ts';
import { ScrollTable } from '../../web/views/scroll-table.tsx';

/** A wide table of rows of cells that scrolls inside its own region at 360 px (see ScrollTable). */
export function DataTable({ id, caption, heads, rows }: { id: string; caption: string; heads: string[]; rows: JSX.Element[][] }) {
  return (
    <ScrollTable id={id} caption={caption} columns={heads}>
      {rows.map((cells) => (
        <tr>
          {cells.map((c) => (
            <td>{c}</td>
          ))}
        </tr>
      ))}
    </ScrollTable>
  );
}

/** The upload form of a school list or of source data: a file input in a multipart form (no JavaScript needed). */
export function UploadForm({ p, kind, title, error }: { p: PageContext; kind: UploadKind; title: string; error?: string }) {
  const id = `upload-${kind}`;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} safe>
        {title}
      </h2>
      <p safe>{kind === 'schools' ? p.t('admin.upload.schoolsLead') : p.t('admin.upload.peopleLead')}</p>
      <form method="post" action="/admin/uploads" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="kind" value={kind} />
        <div class="field">
          <label for={`${id}-file`} safe>
            {p.t('admin.upload.file')}
          </label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? 'true' : undefined}
          />
          <small id={`${id}-hint`} safe>
            {p.t('admin.upload.fileHint')}
          </small>
          {error ? (
            <p class="field-error" id={`${id}-error`} role="alert" safe>
              {error}
            </p>
          ) : (
            ''
          )}
        </div>
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('admin.upload.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Previous / next links of a paged list. */
export function Pager({ p, page, pageSize, total, href }: { p: PageContext; page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return <></>;
  return (
    <nav aria-label={p.t('admin.page.of', { page, pages })} class="actions">
      {page > 1 ? (
        <a href={href(page - 1)} safe>
          {p.t('admin.page.previous')}
        </a>
      ) : (
        ''
      )}
      <span safe>{p.t('admin.page.of', { page, pages })}</span>
      {page < pages ? (
        <a href={href(page + 1)} safe>
          {p.t('admin.page.next')}
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}
