// Quasar's QTable in server-side mode for components/data_table.py. Every template is here, fixed: rows, labels
// and captions reach it only as props (data), never as code.
export default {
  template: `
    <q-table
      ref="qRef"
      :columns="columns"
      :pagination="pagination"
      :row-key="rowKey"
      :pagination-label="paginationLabel"
      :loading="loading"
      binary-state-sort
      @update:pagination="keepServerPagination"
    >
      <template v-slot:header-cell="props">
        <q-th :props="props" :aria-sort="ariaSort(props.col)">
          <button v-if="props.col.sortable" type="button" class="data-table__sort">{{ props.col.label }}</button>
          <template v-else>{{ props.col.label }}</template>
        </q-th>
      </template>
      <template v-if="selectable" v-slot:header-selection="scope">
        <q-checkbox v-model="scope.selected" dense :aria-label="selectAllLabel" />
      </template>
      <template v-if="selectable" v-slot:body-selection="scope">
        <q-checkbox v-model="scope.selected" dense :aria-label="selectLabel(scope.row)" />
      </template>
      <template v-slot:body-cell-_actions="props">
        <q-td :props="props" class="data-table__actions">
          <q-btn
            v-for="action in actions"
            :key="action.name"
            flat
            dense
            no-caps
            color="primary"
            :icon="action.icon || undefined"
            :label="action.icon ? undefined : action.label"
            :aria-label="actionLabel(action, props.row)"
            :title="action.icon ? action.label : undefined"
            @click="$emit('action', { action: action.name, key: props.row[rowKey] })"
          />
        </q-td>
      </template>
      <template v-for="(_, slot) in $slots" v-slot:[slot]="slotProps">
        <slot :name="slot" v-bind="slotProps || {}" />
      </template>
    </q-table>
  `,
  props: {
    columns: Array,
    pagination: Object,
    rowKey: String,
    rowLabel: String,
    actions: { type: Array, default: () => [] },
    caption: String,
    ofLabel: String,
    loading: Boolean,
    selectable: Boolean,
    selectLabelText: String,
    selectAllLabel: String,
  },
  mounted() {
    this.describeTable();
  },
  updated() {
    this.describeTable();
  },
  methods: {
    // The server sends the pagination with each page; Quasar only asks for a new one through @request.
    keepServerPagination() {},
    ariaSort(col) {
      if (!col.sortable || !this.pagination || this.pagination.sortBy !== col.name) return undefined;
      return this.pagination.descending ? "descending" : "ascending";
    },
    actionLabel(action, row) {
      const name = this.rowLabel ? row[this.rowLabel] : undefined;
      return name === undefined || name === null || name === "" ? action.label : action.label + " : " + name;
    },
    selectLabel(row) {
      const name = this.rowLabel ? row[this.rowLabel] : undefined;
      return name === undefined || name === null || name === "" ? this.selectLabelText : this.selectLabelText + " : " + name;
    },
    paginationLabel(first, last, total) {
      const number = new Intl.NumberFormat("fr-FR");
      return number.format(first) + "–" + number.format(last) + " " + this.ofLabel + " " + number.format(total);
    },
    describeTable() {
      // QTable has no attribute for its <table>: the caption and the loading state are set on it here.
      const table = this.$el && this.$el.querySelector ? this.$el.querySelector("table") : null;
      if (!table) return;
      table.setAttribute("aria-label", this.caption || "");
      table.setAttribute("aria-busy", this.loading ? "true" : "false");
      // A table wider than the screen scrolls sideways: its scrolling area is then reachable by the keyboard.
      const middle = this.$el.querySelector(".q-table__middle");
      if (!middle) return;
      if (middle.scrollWidth > middle.clientWidth + 1) {
        middle.setAttribute("tabindex", "0");
        middle.setAttribute("role", "region");
        middle.setAttribute("aria-label", this.caption || "");
      } else {
        ["tabindex", "role", "aria-label"].forEach((name) => middle.removeAttribute(name));
      }
    },
  },
};
