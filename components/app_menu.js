// The candidate's menu (components/app_menu.py) as ONE element: every entry is data, the templates are fixed.
// Texts are shown by Vue's {{ }} (escaped) and addresses bound to attributes; nothing here is built from data.
const MenuEntry = {
  template: `
    <div role="listitem">
      <q-item clickable tag="a" role="link" :href="entry.path" :active="entry.current"
              :aria-current="entry.current ? 'page' : undefined" active-class="menu-active"
              class="w-full rounded-r-full">
        <q-item-section avatar><q-icon :name="entry.icon" aria-hidden="true" /></q-item-section>
        <q-item-section>{{ entry.label }}</q-item-section>
        <q-item-section v-if="entry.badge" side>
          <q-icon :name="entry.badge.icon" size="xs" :class="entry.badge.colour" role="img" aria-hidden="false"
                  :aria-label="entry.badge.label" />
        </q-item-section>
      </q-item>
    </div>
  `,
  props: { entry: Object },
};

export default {
  components: { MenuEntry },
  template: `
    <nav class="w-full" :aria-label="label">
      <q-list padding class="w-full">
        <menu-entry v-for="entry in entries" :key="entry.path" :entry="entry" />
        <div v-if="signOutLabel" role="listitem">
          <q-item clickable tag="button" role="button" class="w-full text-left" @click="$emit('sign_out')">
            <q-item-section avatar><q-icon name="logout" aria-hidden="true" /></q-item-section>
            <q-item-section>{{ signOutLabel }}</q-item-section>
          </q-item>
        </div>
      </q-list>
      <template v-if="accountEntries.length">
        <q-separator class="my-2" />
        <div id="menu-mon-compte" class="text-bold text-grey-9 px-4 py-2">{{ accountTitle }}</div>
        <q-list padding aria-labelledby="menu-mon-compte" class="w-full">
          <menu-entry v-for="entry in accountEntries" :key="entry.path" :entry="entry" />
        </q-list>
      </template>
    </nav>
  `,
  props: {
    label: String,
    entries: Array,
    signOutLabel: String,
    accountTitle: String,
    accountEntries: Array,
  },
};
